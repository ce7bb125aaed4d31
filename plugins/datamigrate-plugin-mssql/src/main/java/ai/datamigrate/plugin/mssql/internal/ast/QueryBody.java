package ai.datamigrate.plugin.mssql.internal.ast;

import ai.datamigrate.plugin.mssql.internal.ast.Part.GroupBy;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Name;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Query;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Top;
import java.util.List;
import java.util.Optional;

/** What a query is made of: SELECT blocks joined by set operators. */
public sealed interface QueryBody extends Node {

    /** One {@code SELECT ... FROM ... WHERE ... GROUP BY ... HAVING}. */
    record Select(Pos pos, Optional<String> quantifier, Optional<Top> top, List<SelectItem> items,
                  Optional<Name> into, List<TableSource> from, Optional<Expr> where, Optional<GroupBy> groupBy,
                  Optional<Expr> having) implements QueryBody {
        public Select {
            items = List.copyOf(items);
            from = List.copyOf(from);
        }
    }

    /** @param operator {@code UNION}, {@code UNION ALL}, {@code EXCEPT} or {@code INTERSECT} */
    record SetOperation(Pos pos, String operator, QueryBody left, QueryBody right) implements QueryBody {
    }

    /** A parenthesised query inside a set operation, which may have its own ORDER BY. */
    record Nested(Pos pos, Query query) implements QueryBody {
    }
}
