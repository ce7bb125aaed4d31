package ai.datamigrate.plugin.duckdb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;

class DuckDbCalciteDialectTest {

    private static final SqlParserPos P = SqlParserPos.ZERO;

    private static String render(SqlNode node) {
        return node.toSqlString(new DuckDbTargetDialect().calciteDialect()).getSql();
    }

    @Test
    void quotesOnlyWhatNeedsIt() {
        SqlNode select = new SqlSelect(P, null, new SqlNodeList(List.of(
                new SqlIdentifier(List.of("o", "OrderID"), P),
                new SqlIdentifier(List.of("o", "ship_name"), P),
                SqlStdOperatorTable.AS.createCall(P, new SqlIdentifier("freight", P),
                        new SqlIdentifier("order", P))), P),
                new SqlIdentifier(List.of("raw", "Orders"), P), null, null, null, null, null, null, null, null);
        assertEquals("SELECT o.\"OrderID\", o.ship_name, freight AS \"order\"\nFROM raw.\"Orders\"", render(select));
    }

    @Test
    void padsWithAnExplicitSpaceAsDuckdbHasNoTwoArgumentPad() throws Exception {
        // a function by name, as translators build them
        SqlNode pad = new org.apache.calcite.sql.SqlFunction("RPAD", org.apache.calcite.sql.SqlKind.OTHER_FUNCTION,
                org.apache.calcite.sql.type.ReturnTypes.ARG0_NULLABLE, null,
                org.apache.calcite.sql.type.OperandTypes.VARIADIC, org.apache.calcite.sql.SqlFunctionCategory.SYSTEM)
                .createCall(P, SqlLiteral.createCharString("7", P), SqlLiteral.createExactNumeric("2", P));
        String sql = render(pad);
        assertEquals("RPAD('7', 2, ' ')", sql);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("select " + sql)) {
            rows.next();
            assertEquals("7 ", rows.getString(1));
        }
    }

    @Test
    void toCharBecomesStrftimeWithTheSameText() throws Exception {
        // CONVERT(nvarchar(22), d, 111) and DATENAME(month, d) as the translator writes them for PostgreSQL
        SqlNode date = SqlLiteral.createTimestamp(new org.apache.calcite.util.TimestampString("1997-07-04 13:05:09"),
                0, P);
        org.apache.calcite.sql.SqlFunction toChar = new org.apache.calcite.sql.SqlFunction("TO_CHAR",
                org.apache.calcite.sql.SqlKind.OTHER_FUNCTION, org.apache.calcite.sql.type.ReturnTypes.VARCHAR_2000,
                null, org.apache.calcite.sql.type.OperandTypes.VARIADIC,
                org.apache.calcite.sql.SqlFunctionCategory.SYSTEM);
        String ymd = render(toChar.createCall(P, date, SqlLiteral.createCharString("YYYY/MM/DD HH24:MI:SS", P)));
        assertEquals("strftime(TIMESTAMP '1997-07-04 13:05:09', '%Y/%m/%d %H:%M:%S')", ymd);
        String month = render(toChar.createCall(P, date, SqlLiteral.createCharString("FMMonth", P)));
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("select " + ymd + ", " + month)) {
            rows.next();
            assertEquals("1997/07/04 13:05:09", rows.getString(1));
            assertEquals("July", rows.getString(2));
        }
        assertEquals(java.util.Optional.empty(), DuckDbCalciteDialect.strftime("Q"), "unknown patterns stay to_char");
    }

    @Test
    void writesNonAsciiLiteralsPlainly() {
        assertEquals("'Øresund ''A'''", render(SqlLiteral.createCharString("Øresund 'A'", "UTF-16", P)));
    }
}
