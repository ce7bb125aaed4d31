package ai.datamigrate.plugin.mssql.internal.ast;

import java.util.List;
import java.util.Optional;

/** The pieces of statements and expressions that are neither expressions nor statements themselves. */
public sealed interface Part extends Node {

    /**
     * A name of one to four parts as written ({@code server.db.schema.object}); parts hold the unquoted value and
     * may be empty ({@code db..t}); temp names keep their {@code #}.
     */
    record Name(Pos pos, List<String> parts) implements Part {
        public Name {
            parts = List.copyOf(parts);
        }

        public String last() {
            return parts.get(parts.size() - 1);
        }

        public boolean isTemp() {
            return last().startsWith("#");
        }
    }

    /**
     * Tokens kept as written for clauses that carry no references worth a tree (query hints, {@code FOR XML}
     * options, SET options): each string is one token's source text.
     */
    record Tokens(Pos pos, List<String> texts) implements Part {
        public Tokens {
            texts = List.copyOf(texts);
        }
    }

    /** {@code nvarchar(40)}, {@code decimal(9, 3)}, {@code varchar(max)}, {@code dbo.Phone}; arguments as written. */
    record DataTypeRef(Pos pos, Name name, List<String> arguments) implements Part {
        public DataTypeRef {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code WITH name [(columns)] AS (query)}. */
    record Cte(Pos pos, String name, List<String> columns, Query query) implements Part {
        public Cte {
            columns = List.copyOf(columns);
        }
    }

    /** A full query: CTEs, a body with set operators, and the clauses that apply to the whole. */
    record Query(Pos pos, List<Cte> ctes, QueryBody body, List<OrderItem> orderBy, Optional<OffsetFetch> offset,
                 Optional<Tokens> forClause, Optional<Tokens> option) implements Part {
        public Query {
            ctes = List.copyOf(ctes);
            orderBy = List.copyOf(orderBy);
        }
    }

    /** {@code TOP (n) [PERCENT] [WITH TIES]}. */
    record Top(Pos pos, Expr count, boolean percent, boolean withTies) implements Part {
    }

    /** @param direction {@code ASC}, {@code DESC} or empty */
    record OrderItem(Pos pos, Expr expr, Optional<String> direction) implements Part {
    }

    record OffsetFetch(Pos pos, Expr offset, Optional<Expr> fetch) implements Part {
    }

    /** @param with {@code ROLLUP} or {@code CUBE} of the old {@code WITH ROLLUP} form */
    record GroupBy(Pos pos, boolean all, List<GroupingElement> items, Optional<String> with) implements Part {
        public GroupBy {
            items = List.copyOf(items);
        }
    }

    /** {@code OVER (PARTITION BY ... ORDER BY ... frame)}. */
    record Over(Pos pos, List<Expr> partitionBy, List<OrderItem> orderBy, Optional<Frame> frame) implements Part {
        public Over {
            partitionBy = List.copyOf(partitionBy);
            orderBy = List.copyOf(orderBy);
        }
    }

    /** @param units {@code ROWS} or {@code RANGE} */
    record Frame(Pos pos, String units, FrameBound start, Optional<FrameBound> end) implements Part {
    }

    /**
     * @param kind {@code UNBOUNDED PRECEDING}, {@code UNBOUNDED FOLLOWING}, {@code CURRENT ROW}, {@code PRECEDING}
     *             or {@code FOLLOWING} (the last two with an offset)
     */
    record FrameBound(Pos pos, String kind, Optional<Expr> offset) implements Part {
    }

    record When(Pos pos, Expr condition, Expr result) implements Part {
    }

    /** {@code column = value} or {@code @v += value} in UPDATE and MERGE. */
    record SetClause(Pos pos, Expr target, String operator, Expr value) implements Part {
    }

    /** {@code OUTPUT items [INTO target [(columns)]]}. */
    record OutputClause(Pos pos, List<SelectItem> items, Optional<TableSource> into, List<String> intoColumns)
            implements Part {
        public OutputClause {
            items = List.copyOf(items);
            intoColumns = List.copyOf(intoColumns);
        }
    }

    /** @param match {@code MATCHED}, {@code NOT MATCHED}, {@code NOT MATCHED BY TARGET} or {@code NOT MATCHED BY SOURCE} */
    record MergeWhen(Pos pos, String match, Optional<Expr> and, MergeAction action) implements Part {
    }

    /** One variable of {@code DECLARE @a int = 1, @b ...}. */
    record VariableDecl(Pos pos, String name, DataTypeRef type, Optional<Expr> initial) implements Part {
    }

    /**
     * A column or constraint of {@code CREATE TABLE #t} or {@code DECLARE @t TABLE}: the column name, its type
     * or computed expression, and the rest (constraints, IDENTITY, NULL) as written.
     */
    record TableElement(Pos pos, Optional<String> column, Optional<DataTypeRef> type, Optional<Expr> computed,
                        Tokens rest) implements Part {
    }

    /** {@code [@name =] value [OUTPUT]} of EXEC; a {@code DEFAULT} value is a {@link Expr.Literal}. */
    record Argument(Pos pos, Optional<String> name, Expr value, boolean output) implements Part {
    }
}
