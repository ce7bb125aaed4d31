package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;

class PostgresCalciteDialectTest {

    private final SqlDialect dialect = new PostgresTargetDialect().calciteDialect();

    @Test
    void quotesOnlyWhatPostgresNeedsQuoted() {
        assertEquals("order_id", dialect.quoteIdentifier("order_id"));
        assertEquals("\"OrderID\"", dialect.quoteIdentifier("OrderID"));
        assertEquals("\"Order Details\"", dialect.quoteIdentifier("Order Details"));
        assertEquals("\"order\"", dialect.quoteIdentifier("order"));
    }

    @Test
    void writesUnicodeStringLiteralsAsPlainText() {
        assertEquals("'Bólido d''Oro'", org.apache.calcite.sql.SqlLiteral.createCharString("Bólido d'Oro",
                SqlParserPos.ZERO).toSqlString(dialect).getSql());
    }

    @Test
    void rendersATreeWithThatPolicy() {
        SqlParserPos pos = SqlParserPos.ZERO;
        SqlSelect select = new SqlSelect(pos, null,
                new SqlNodeList(List.of(new SqlIdentifier(List.of("o", "OrderID"), pos),
                        new SqlIdentifier(List.of("o", "ship_city"), pos)), pos),
                new SqlIdentifier(List.of("raw", "Orders"), pos), null, null, null, null, null, null, null, null);
        assertEquals("SELECT o.\"OrderID\", o.ship_city\nFROM raw.\"Orders\"", select.toSqlString(dialect).getSql());
    }

    @Test
    void ordersAStringAggregateInsideItsParentheses() {
        SqlParserPos pos = SqlParserPos.ZERO;
        var agg = org.apache.calcite.sql.fun.SqlStdOperatorTable.LISTAGG.createCall(pos,
                new SqlIdentifier(List.of("t", "tag"), pos),
                org.apache.calcite.sql.SqlLiteral.createCharString(",", pos));
        var ordered = org.apache.calcite.sql.fun.SqlStdOperatorTable.WITHIN_GROUP.createCall(pos, agg,
                new SqlNodeList(List.of(org.apache.calcite.sql.fun.SqlStdOperatorTable.DESC.createCall(pos,
                        new SqlIdentifier(List.of("t", "id"), pos))), pos));
        assertEquals("STRING_AGG(t.tag, ',' ORDER BY t.id DESC)", ordered.toSqlString(dialect).getSql());
    }
}
