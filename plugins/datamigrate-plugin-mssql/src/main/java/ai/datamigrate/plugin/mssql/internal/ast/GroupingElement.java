package ai.datamigrate.plugin.mssql.internal.ast;

import java.util.List;

public sealed interface GroupingElement extends Node {

    record ByExpr(Pos pos, Expr expr) implements GroupingElement {
    }

    /** A parenthesised set of a ROLLUP, CUBE or GROUPING SETS: {@code (a, b)}, {@code ()}. */
    record Set(Pos pos, List<GroupingElement> items) implements GroupingElement {
        public Set {
            items = List.copyOf(items);
        }
    }

    /** @param kind {@code ROLLUP}, {@code CUBE} or {@code GROUPING SETS} */
    record Operator(Pos pos, String kind, List<GroupingElement> items) implements GroupingElement {
        public Operator {
            items = List.copyOf(items);
        }
    }
}
