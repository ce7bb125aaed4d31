package ai.datamigrate.plugin.duckdb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.target.ProfileField;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TypeMapping;
import ai.datamigrate.testkit.TargetDialectContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DuckDbTargetDialectTest implements TargetDialectContract {

    private final DuckDbTargetDialect dialect = new DuckDbTargetDialect();

    @Override
    public TargetDialect dialect() {
        return dialect;
    }

    private static void assertExact(String expected, DataType type) {
        TypeMapping mapping = new DuckDbTargetDialect().mapType(type);
        assertEquals(expected, mapping.targetType(), type.sql());
        assertTrue(mapping.exact(), type.sql() + " should be exact");
    }

    private static void assertLossy(String expected, DataType type) {
        TypeMapping mapping = new DuckDbTargetDialect().mapType(type);
        assertEquals(expected, mapping.targetType(), type.sql());
        assertFalse(mapping.exact(), type.sql() + " should be lossy");
        assertTrue(mapping.note().filter(n -> !n.isBlank()).isPresent(), type.sql() + " needs a note");
    }

    @ParameterizedTest
    @CsvSource({"bit,boolean", "tinyint,smallint", "smallint,smallint", "int,integer", "bigint,bigint",
            "money,'decimal(38,4)'", "smallmoney,'decimal(10,4)'", "float,double", "real,float", "date,date",
            "datetime,timestamp", "smalldatetime,timestamp", "text,varchar", "ntext,varchar", "binary,blob",
            "image,blob", "rowversion,blob", "timestamp,blob", "uniqueidentifier,uuid", "sysname,varchar",
            "decimal,'decimal(18,0)'"})
    void mapsPlainTypes(String source, String target) {
        assertExact(target, DataType.of(source));
    }

    @Test
    void mapsParameterisedTypes() {
        assertExact("decimal(10,2)", DataType.withPrecision("numeric", 10, 2));
        assertExact("float", DataType.withLength("float", 24));
        assertExact("double", DataType.withLength("float", 53));
        assertExact("varchar", DataType.withLength("nchar", 5));
        assertExact("varchar", DataType.withMaxLength("nvarchar"));
        assertExact("blob", DataType.withLength("varbinary", 16));
        assertExact("timestamp", DataType.withLength("datetime2", 6));
        assertExact("time", DataType.withLength("time", 3));
    }

    @Test
    void saysWhatIsLost() {
        assertLossy("timestamp", DataType.withLength("datetime2", 7));
        assertLossy("timestamp", DataType.of("datetime2"));
        assertLossy("time", DataType.of("time"));
        assertLossy("timestamp with time zone", DataType.of("datetimeoffset"));
        assertLossy("varchar", DataType.of("xml"));
        assertLossy("varchar", DataType.of("geography"));
        assertLossy("varchar", DataType.of("sql_variant"));
        assertLossy("varchar", DataType.of("no_such_type"));
    }

    /** The names DuckDB itself gives the mapped types, which dbt-duckdb's contract check compares with. */
    @Test
    void mappedTypesAreDuckdbsOwnNames() throws Exception {
        List<DataType> types = List.of(DataType.of("bit"), DataType.of("int"), DataType.of("money"),
                DataType.of("real"), DataType.of("float"), DataType.of("datetime"), DataType.of("datetimeoffset"),
                DataType.of("nvarchar"), DataType.of("varbinary"), DataType.of("uniqueidentifier"), DataType.of("date"),
                DataType.withLength("time", 3));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            for (DataType type : types) {
                String target = dialect.mapType(type).targetType();
                try (ResultSet rows = statement.executeQuery("select typeof(cast(null as " + target + "))")) {
                    rows.next();
                    assertEquals(target, rows.getString(1).toLowerCase(java.util.Locale.ROOT), type.sql());
                }
            }
        }
    }

    /** What SQL Server's LIKE becomes, run on the engine: DuckDB has no {@code ~*}. */
    @Test
    void regexMatchRunsOnDuckdb() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select "
                     + dialect.regexMatch("'PMA42628M'", "'^[A-Z][A-Z][A-Z][1-9][0-9]{4}[FM]$'", true, false) + ", "
                     + dialect.regexMatch("'pma42628m'", "'^[A-Z][A-Z][A-Z][1-9][0-9]{4}[FM]$'", true, false) + ", "
                     + dialect.regexMatch("'pma42628m'", "'^[A-Z][A-Z][A-Z][1-9][0-9]{4}[FM]$'", false, false) + ", "
                     + dialect.regexMatch("'abc'", "'^a.*$'", false, true) + ", "
                     + dialect.regexMatch("null", "'^a.*$'", true, true))) {
            rows.next();
            assertTrue(rows.getBoolean(1));
            assertTrue(rows.getBoolean(2), "case-insensitive, like SQL Server's default collations");
            assertFalse(rows.getBoolean(3));
            assertFalse(rows.getBoolean(4));
            assertEquals(null, rows.getObject(5), "NULL stays unknown, so a CHECK lets it pass");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"OrderID", "order id", "select", "qualify", "pivot", "1st"})
    void quotesWhatDuckdbWouldNotKeep(String identifier) {
        assertTrue(dialect.requiresQuoting(identifier), identifier);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order_id", "customers", "_tmp", "name", "year"})
    void leavesPlainNamesUnquoted(String identifier) {
        assertFalse(dialect.requiresQuoting(identifier), identifier);
    }

    @Test
    void reservedWordsAreThoseOfTheEngine() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select keyword_name from duckdb_keywords() where"
                     + " keyword_category in ('reserved', 'type_function')")) {
            int count = 0;
            while (rows.next()) {
                assertTrue(DuckDbTargetDialect.RESERVED_WORDS.contains(rows.getString(1)), rows.getString(1));
                count++;
            }
            assertEquals(DuckDbTargetDialect.RESERVED_WORDS.size(), count);
        }
    }

    /** Overridden as the contract asks: an embedded database file needs no credentials at all. */
    @Test
    @Override
    public void connectionProfileHasNoLiteralSecrets() {
        for (ProfileField field : dialect.connectionProfile().fields()) {
            assertFalse(field.envVar().isBlank(), field.key());
            assertFalse(field.secret(), field.key());
        }
    }

    @Test
    void dbtProfileNamesTheDatabaseFileFromTheEnvironment() {
        assertEquals("duckdb", dialect.connectionProfile().adapterType());
        assertEquals("dbt-duckdb", dialect.connectionProfile().adapterPackage());
        ProfileField path = dialect.connectionProfile().fields().get(0);
        assertEquals("path", path.key());
        assertEquals("DATAMIGRATE_DUCKDB_PATH", path.envVar());
        assertTrue(dialect.connectionProfile().fields().stream().noneMatch(ProfileField::secret));
    }
}
