package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.target.ConnectionProfile;
import ai.datamigrate.spi.target.ProfileField;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TypeMapping;
import ai.datamigrate.testkit.TargetDialectContract;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresTargetDialectTest implements TargetDialectContract {

    private final PostgresTargetDialect dialect = new PostgresTargetDialect();

    @Override
    public TargetDialect dialect() {
        return dialect;
    }

    private static void assertExact(String expected, DataType type) {
        TypeMapping mapping = new PostgresTargetDialect().mapType(type);
        assertEquals(expected, mapping.targetType(), type.sql());
        assertTrue(mapping.exact(), type.sql() + " should be exact");
        assertTrue(mapping.note().isEmpty(), type.sql());
    }

    private static TypeMapping assertLossy(String expected, DataType type) {
        TypeMapping mapping = new PostgresTargetDialect().mapType(type);
        assertEquals(expected, mapping.targetType(), type.sql());
        assertFalse(mapping.exact(), type.sql() + " should be lossy");
        assertTrue(mapping.note().filter(n -> !n.isBlank()).isPresent(), type.sql() + " needs a note");
        return mapping;
    }

    @ParameterizedTest
    @CsvSource({"bit,boolean", "tinyint,smallint", "smallint,smallint", "int,integer", "bigint,bigint",
            "money,'numeric(19,4)'", "smallmoney,'numeric(10,4)'", "float,double precision", "real,real",
            "date,date", "datetime,timestamp(3)", "smalldatetime,timestamp(0)", "text,text", "ntext,text",
            "binary,bytea", "image,bytea", "rowversion,bytea", "timestamp,bytea", "uniqueidentifier,uuid",
            "xml,xml", "sysname,varchar(128)", "decimal,'numeric(18,0)'", "numeric,'numeric(18,0)'"})
    void mapsPlainTypes(String source, String target) {
        assertExact(target, DataType.of(source));
    }

    @Test
    void mapsParameterisedTypes() {
        assertExact("numeric(19,4)", DataType.withPrecision("decimal", 19, 4));
        assertExact("numeric(10,2)", DataType.withPrecision("numeric", 10, 2));
        assertExact("numeric(12,0)", new DataType("decimal", OptionalInt.empty(), OptionalInt.of(12),
                OptionalInt.empty(), false, Optional.empty()));
        assertExact("real", DataType.withLength("float", 24));
        assertExact("real", DataType.withLength("float", 1));
        assertExact("double precision", DataType.withLength("float", 53));
        assertExact("double precision", DataType.withLength("float", 25));
        assertExact("char(5)", DataType.withLength("char", 5));
        assertExact("char(10)", DataType.withLength("nchar", 10));
        assertExact("varchar(40)", DataType.withLength("varchar", 40));
        assertExact("varchar(40)", DataType.withLength("nvarchar", 40));
        assertExact("text", DataType.withMaxLength("varchar"));
        assertExact("text", DataType.withMaxLength("nvarchar"));
        assertExact("bytea", DataType.withMaxLength("varbinary"));
        assertExact("bytea", DataType.withLength("varbinary", 16));
        assertExact("bytea", DataType.withLength("binary", 8));
    }

    @Test
    void mapsFractionalSecondsUpToMicroseconds() {
        assertExact("time(3)", DataType.withLength("time", 3));
        assertExact("time(0)", DataType.withLength("time", 0));
        assertExact("timestamp(6)", DataType.withLength("datetime2", 6));
        assertExact("timestamp(2)", DataType.withLength("datetime2", 2));
        assertLossy("timestamp(6)", DataType.withLength("datetime2", 7));
        assertLossy("time(6)", DataType.withLength("time", 7));
        // SQL Server's default precision is 7 digits, one more than PostgreSQL keeps.
        assertLossy("timestamp(6)", DataType.of("datetime2"));
    }

    @Test
    void datetimeOffsetLosesItsOffset() {
        TypeMapping mapping = assertLossy("timestamptz", DataType.withLength("datetimeoffset", 3));
        assertTrue(mapping.note().orElseThrow().contains("UTC"), mapping.note().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql_variant", "hierarchyid", "geography", "geometry"})
    void mapsExoticTypesToTextWithANote(String source) {
        assertLossy("text", DataType.of(source));
    }

    @Test
    void unknownTypeIsTextAndSaysSo() {
        TypeMapping mapping = assertLossy("text", DataType.of("cursorish"));
        assertTrue(mapping.note().orElseThrow().contains("unknown SQL Server type cursorish"),
                mapping.note().orElseThrow());
    }

    @Test
    void aliasTypesMapThroughTheirBaseType() {
        assertExact("varchar(20)", DataType.withLength("nvarchar", 20).withAlias(new ObjectName("dbo", "Phone")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"order", "user", "select", "table", "group", "from", "limit", "offset", "analyse",
            "current_user", "authorization", "binary", "left", "join", "is", "verbose", "tablesample"})
    void reservedWordsNeedQuoting(String word) {
        assertTrue(dialect.requiresQuoting(word), word);
        assertEquals('"' + word + '"', dialect.identifier(word));
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer_id", "name", "value", "year", "date", "type", "_x", "a$b", "key", "text",
            "position", "id2"})
    void plainAndNonReservedNamesNeedNoQuoting(String name) {
        assertFalse(dialect.requiresQuoting(name), name);
        assertEquals(name, dialect.identifier(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CustomerID", "Order", "Order Details", "weight-kg", "1st", "", "naïve", "$x"})
    void upperCaseSpacesAndOddCharactersNeedQuoting(String name) {
        assertTrue(dialect.requiresQuoting(name), name);
    }

    @Test
    void quotingDoublesEmbeddedQuotes() {
        assertEquals("\"Order Details\"", dialect.quoteIdentifier("Order Details"));
        assertEquals("\"say \"\"hi\"\"\"", dialect.quoteIdentifier("say \"hi\""));
        assertEquals("\"plain\"", dialect.quoteIdentifier("plain"));
        assertEquals("\"CustomerID\"", dialect.identifier("CustomerID"));
    }

    @Test
    void identifiersUpTo63Characters() {
        assertEquals(63, dialect.maxIdentifierLength());
    }

    @Test
    void connectionProfileIsForDbtPostgresAndReadsEverythingFromTheEnvironment() {
        ConnectionProfile profile = dialect.connectionProfile();
        assertEquals("postgres", profile.adapterType());
        assertEquals("dbt-postgres", profile.adapterPackage());
        assertEquals(List.of(
                new ProfileField("host", "DATAMIGRATE_PG_HOST", Optional.of("localhost"), false, false),
                new ProfileField("port", "DATAMIGRATE_PG_PORT", Optional.of("5432"), false, true),
                new ProfileField("user", "DATAMIGRATE_PG_USER", Optional.of("postgres"), false, false),
                new ProfileField("password", "DATAMIGRATE_PG_PASSWORD", Optional.empty(), true, false),
                new ProfileField("dbname", "DATAMIGRATE_PG_DATABASE", Optional.of("postgres"), false, false),
                new ProfileField("schema", "DATAMIGRATE_PG_SCHEMA", Optional.of("analytics"), false, false)),
                profile.fields());
    }
}
