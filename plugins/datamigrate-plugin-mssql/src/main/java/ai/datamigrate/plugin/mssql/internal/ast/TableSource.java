package ai.datamigrate.plugin.mssql.internal.ast;

import ai.datamigrate.plugin.mssql.internal.ast.Expr.FunctionCall;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Name;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Query;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Tokens;
import java.util.List;
import java.util.Optional;

/** What FROM, JOIN, APPLY and the DML targets read from. */
public sealed interface TableSource extends Node {

    /**
     * A table, view, CTE, synonym or temp table by name.
     *
     * @param hints       the table hints inside the parentheses, as written
     * @param withKeyword whether the hints were written {@code WITH (...)} rather than the old {@code (...)}
     * @param temporal    {@code FOR SYSTEM_TIME ...} as written
     */
    record Named(Pos pos, Name name, Optional<String> alias, Optional<Tokens> hints, boolean withKeyword,
                 Optional<Tokens> temporal) implements TableSource {
    }

    /** A table variable {@code @t [AS] alias}. */
    record Variable(Pos pos, String name, Optional<String> alias) implements TableSource {
    }

    record Derived(Pos pos, Query query, Optional<String> alias, List<String> columns) implements TableSource {
        public Derived {
            columns = List.copyOf(columns);
        }
    }

    /** {@code (VALUES (1, 'a'), (2, 'b')) AS v (n, s)}. */
    record Values(Pos pos, List<List<Expr>> rows, Optional<String> alias, List<String> columns)
            implements TableSource {
        public Values {
            rows = rows.stream().map(List::copyOf).toList();
            columns = List.copyOf(columns);
        }
    }

    /** A table-valued function: {@code dbo.f(1) AS x}, {@code OPENJSON(@j) WITH (...)}. */
    record Function(Pos pos, FunctionCall call, Optional<String> alias, List<String> columns,
                    Optional<Tokens> withSchema) implements TableSource {
        public Function {
            columns = List.copyOf(columns);
        }
    }

    /**
     * @param kind the join as written, normalised to upper case single spaces: {@code INNER JOIN},
     *             {@code LEFT OUTER JOIN}, {@code CROSS JOIN}, {@code CROSS APPLY}, {@code OUTER APPLY}, ...
     */
    record Join(Pos pos, String kind, TableSource left, TableSource right, Optional<Expr> on)
            implements TableSource {
    }

    record Parenthesized(Pos pos, TableSource inner) implements TableSource {
    }

    record Pivot(Pos pos, TableSource source, FunctionCall aggregate, Name forColumn, List<String> values,
                 Optional<String> alias) implements TableSource {
        public Pivot {
            values = List.copyOf(values);
        }
    }

    record Unpivot(Pos pos, TableSource source, String valueColumn, String forColumn, List<String> columns,
                   Optional<String> alias) implements TableSource {
        public Unpivot {
            columns = List.copyOf(columns);
        }
    }
}
