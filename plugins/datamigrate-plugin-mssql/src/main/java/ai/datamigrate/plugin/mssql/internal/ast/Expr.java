package ai.datamigrate.plugin.mssql.internal.ast;

import ai.datamigrate.plugin.mssql.internal.ast.Part.DataTypeRef;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Name;
import ai.datamigrate.plugin.mssql.internal.ast.Part.OrderItem;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Over;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Query;
import ai.datamigrate.plugin.mssql.internal.ast.Part.When;
import java.util.List;
import java.util.Optional;

/** Scalar and boolean expressions: T-SQL's grammar keeps them apart, one tree is simpler and loses nothing. */
public sealed interface Expr extends Node {

    enum LiteralKind { STRING, NATIONAL_STRING, INTEGER, DECIMAL, FLOAT, BINARY, MONEY, NULL, DEFAULT }

    /** @param text the literal exactly as written ({@code N'it''s'}, {@code $12.50}, {@code 0x1F}) */
    record Literal(Pos pos, LiteralKind kind, String text) implements Expr {
    }

    /** A column (or, where T-SQL allows it, a bare word such as a DATEADD part), 1 to 4 parts. */
    record ColumnRef(Pos pos, Name name) implements Expr {
    }

    /** {@code *} or {@code t.*}. */
    record Star(Pos pos, Optional<Name> qualifier) implements Expr {
    }

    /** {@code @v} or {@code @@ROWCOUNT}. */
    record Variable(Pos pos, String name) implements Expr {
    }

    /** @param operator {@code -}, {@code +}, {@code ~} or {@code NOT} */
    record Unary(Pos pos, String operator, Expr operand) implements Expr {
    }

    /** Arithmetic, string, bitwise and comparison operators, {@code AND} and {@code OR}. */
    record Binary(Pos pos, String operator, Expr left, Expr right) implements Expr {
    }

    record Like(Pos pos, boolean not, Expr expr, Expr pattern, Optional<Expr> escape) implements Expr {
    }

    record InList(Pos pos, boolean not, Expr expr, List<Expr> values) implements Expr {
        public InList {
            values = List.copyOf(values);
        }
    }

    record InQuery(Pos pos, boolean not, Expr expr, Query query) implements Expr {
    }

    record Between(Pos pos, boolean not, Expr expr, Expr low, Expr high) implements Expr {
    }

    record IsNull(Pos pos, boolean not, Expr expr) implements Expr {
    }

    record Exists(Pos pos, Query query) implements Expr {
    }

    /** {@code x > ALL (subquery)}; quantifier {@code ALL}, {@code ANY} or {@code SOME}. */
    record Quantified(Pos pos, String operator, String quantifier, Expr left, Query query) implements Expr {
    }

    record Case(Pos pos, Optional<Expr> operand, List<When> whens, Optional<Expr> otherwise) implements Expr {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    /**
     * {@code CAST(x AS t)}, {@code TRY_CAST}, {@code CONVERT(t, x [, style])}, {@code TRY_CONVERT},
     * {@code PARSE(x AS t [USING culture])}, {@code TRY_PARSE}.
     *
     * @param function the upper-case function name
     * @param extra    the style of CONVERT or the culture of PARSE
     */
    record Cast(Pos pos, String function, DataTypeRef type, Expr expr, Optional<Expr> extra) implements Expr {
    }

    /**
     * A call of a built-in or user function.
     *
     * @param quantifier  {@code DISTINCT}, {@code ALL} or empty
     * @param withinGroup the {@code WITHIN GROUP (ORDER BY ...)} of ordered aggregates
     * @param niladic     written without parentheses: {@code CURRENT_TIMESTAMP}, {@code USER}
     */
    record FunctionCall(Pos pos, Name name, Optional<String> quantifier, List<Expr> arguments,
                        List<OrderItem> withinGroup, Optional<Over> over, boolean niladic) implements Expr {
        public FunctionCall {
            arguments = List.copyOf(arguments);
            withinGroup = List.copyOf(withinGroup);
        }
    }

    /** {@code @x.value('path', 'type')}: a method of an xml or CLR value. */
    record MethodCall(Pos pos, Expr target, String method, List<Expr> arguments) implements Expr {
        public MethodCall {
            arguments = List.copyOf(arguments);
        }
    }

    record Collate(Pos pos, Expr expr, String collation) implements Expr {
    }

    record AtTimeZone(Pos pos, Expr expr, Expr zone) implements Expr {
    }

    record Subquery(Pos pos, Query query) implements Expr {
    }

    record Parenthesized(Pos pos, Expr expr) implements Expr {
    }

    record NextValueFor(Pos pos, Name sequence, Optional<Over> over) implements Expr {
    }
}
