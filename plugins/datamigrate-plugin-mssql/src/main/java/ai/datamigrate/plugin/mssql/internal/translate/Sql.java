package ai.datamigrate.plugin.mssql.internal.translate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/** Small builders for Calcite trees, so the translation rules read like the SQL they produce. */
final class Sql {

    static final SqlParserPos P = SqlParserPos.ZERO;

    private Sql() {
    }

    static SqlNode call(SqlOperator op, SqlNode... operands) {
        return new SqlBasicCall(op, List.of(operands), P);
    }

    static SqlNode call(SqlOperator op, List<SqlNode> operands) {
        return new SqlBasicCall(op, operands, P);
    }

    /** A target function by name, rendered {@code NAME(args)}: names are the target's, never looked up. */
    static SqlOperator function(String name) {
        return new SqlFunction(name.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_NULLABLE,
                null, OperandTypes.VARIADIC, SqlFunctionCategory.SYSTEM);
    }

    static SqlNode fn(String name, SqlNode... operands) {
        return call(function(name), operands);
    }

    static SqlNode fn(String name, List<SqlNode> operands) {
        return call(function(name), operands);
    }

    static SqlIdentifier id(String... names) {
        return new SqlIdentifier(List.of(names), P);
    }

    static SqlIdentifier id(List<String> names) {
        return new SqlIdentifier(names, P);
    }

    static SqlNode as(SqlNode node, String alias) {
        return call(SqlStdOperatorTable.AS, node, id(alias));
    }

    static SqlLiteral integer(long value) {
        return SqlLiteral.createExactNumeric(Long.toString(value), P);
    }

    static SqlLiteral number(BigDecimal value) {
        return SqlLiteral.createExactNumeric(value.toPlainString(), P);
    }

    static SqlLiteral string(String value) {
        return SqlLiteral.createCharString(value, P);
    }

    static SqlLiteral bool(boolean value) {
        return SqlLiteral.createBoolean(value, P);
    }

    static SqlLiteral nullLiteral() {
        return SqlLiteral.createNull(P);
    }

    static SqlNode plus(SqlNode a, SqlNode b) {
        return call(SqlStdOperatorTable.PLUS, a, b);
    }

    static SqlNode minus(SqlNode a, SqlNode b) {
        return call(SqlStdOperatorTable.MINUS, a, b);
    }

    static SqlNode times(SqlNode a, SqlNode b) {
        return call(SqlStdOperatorTable.MULTIPLY, a, b);
    }

    static SqlNode divide(SqlNode a, SqlNode b) {
        return call(SqlStdOperatorTable.DIVIDE, a, b);
    }

    static SqlNode eq(SqlNode a, SqlNode b) {
        return call(SqlStdOperatorTable.EQUALS, a, b);
    }

    static SqlNode lt(SqlNode a, SqlNode b) {
        return call(SqlStdOperatorTable.LESS_THAN, a, b);
    }

    static SqlNode gt(SqlNode a, SqlNode b) {
        return call(SqlStdOperatorTable.GREATER_THAN, a, b);
    }

    static SqlNode or(SqlNode a, SqlNode b) {
        return call(SqlStdOperatorTable.OR, a, b);
    }

    static SqlNode isNull(SqlNode a) {
        return call(SqlStdOperatorTable.IS_NULL, a);
    }
}
