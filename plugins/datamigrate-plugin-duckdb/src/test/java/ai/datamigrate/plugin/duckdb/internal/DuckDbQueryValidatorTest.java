package ai.datamigrate.plugin.duckdb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.validate.QueryCheck;
import ai.datamigrate.spi.validate.QueryValidator;
import ai.datamigrate.spi.validate.QueryValidatorFactory;
import ai.datamigrate.testkit.QueryValidatorContract;
import ai.datamigrate.testkit.TestPluginContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's validator contract on a real DuckDB file, plus what is particular to DuckDB. */
class DuckDbQueryValidatorTest implements QueryValidatorContract {

    @TempDir
    static Path dir;

    @Override
    public QueryValidatorFactory factory() {
        return new DuckDbQueryValidatorFactory();
    }

    @Override
    public Optional<String> targetUrl() {
        return Optional.of("jdbc:duckdb:" + dir.resolve("contract.duckdb"));
    }

    @Override
    public Connection openTarget(String url) throws SQLException {
        return new DuckDBDriver().connect(url, new Properties());
    }

    private QueryValidator executor() throws SQLException {
        String url = targetUrl().orElseThrow();
        try (Connection c = openTarget(url); var s = c.createStatement()) {
            createTable(s, new DuckDbQueryValidatorFactory().create(Optional.empty(), rawSchema(), Map.of(),
                    new TestPluginContext()).rawRelation(TABLE));
        }
        return factory().create(Optional.of(url), rawSchema(), Map.of(), new TestPluginContext());
    }

    @Test
    void rawRelationsFollowTheLoadersLayout() {
        try (QueryValidator validator = factory().create(Optional.empty(), "raw", Map.of(), new TestPluginContext())) {
            assertEquals("\"raw\".\"Order Details\"", validator.rawRelation(
                    new ai.datamigrate.spi.catalog.ObjectName("dbo", "Order Details")));
            assertEquals("\"raw_human_resources\".\"Employee\"", validator.rawRelation(
                    new ai.datamigrate.spi.catalog.ObjectName("HumanResources", "Employee")));
        }
    }

    @Test
    void errorPositionsAreInTheQuerysOwnCoordinates() throws SQLException {
        try (QueryValidator validator = executor()) {
            QueryCheck check = validator.execute(List.of(), "SELECT id, nope FROM dm_contract.dm_contract_rows");
            assertEquals(Optional.of("Binder Error: Referenced column \"nope\" not found in FROM clause!"
                    + " (at line 1, column 12)"), check.error().map(e -> e.replaceAll("\\s*Candidate bindings.*\\(at",
                    " (at")));
            QueryCheck syntax = validator.execute(List.of(), "SELECT id,\n  name +, 1 FROM dm_contract.dm_contract_rows");
            assertTrue(syntax.error().orElseThrow().endsWith("(at line 2, column 9)"), syntax.toString());
        }
    }

    @Test
    void filesAndOtherDatabasesAreOutOfReach() throws SQLException {
        try (QueryValidator validator = executor()) {
            QueryCheck file = validator.execute(List.of(), "SELECT * FROM read_csv('/etc/hostname')");
            assertFalse(file.ok());
            assertTrue(file.error().get().contains("disabled by configuration"), file.toString());
            QueryCheck attach = validator.execute(List.of(), "SELECT 1 AS x) AS q; ATTACH ':memory:' AS m; SELECT (1");
            assertFalse(attach.ok());
        }
    }

    @Test
    void aMissingFileOrAnInMemoryUrlIsAUserError() {
        DataMigrateException missing = assertThrows(DataMigrateException.class, () -> factory().create(
                Optional.of("jdbc:duckdb:" + dir.resolve("absent.duckdb")), "raw", Map.of(), new TestPluginContext()));
        assertEquals(DuckDbQueryValidatorFactory.NO_DATABASE, missing.errorCode());
        assertTrue(missing.getMessage().contains("datamigrate load"), missing.getMessage());
        assertThrows(DataMigrateException.class, () -> factory().create(Optional.of("jdbc:duckdb:"), "raw", Map.of(),
                new TestPluginContext()));
    }

    @Test
    void standInViewStatementsAreRecognisedExactly() {
        assertEquals(Optional.of("SELECT 1"), DuckDbQueryValidator.viewBody("CREATE TEMPORARY VIEW dm_check_0 AS SELECT 1"));
        assertEquals(Optional.of("SELECT 1"),
                DuckDbQueryValidator.viewBody("CREATE TEMPORARY VIEW \"a \"\" AS b\" AS SELECT 1"));
        assertEquals(Optional.empty(), DuckDbQueryValidator.viewBody("CREATE TEMPORARY VIEW AS SELECT 1"));
        assertEquals(Optional.empty(), DuckDbQueryValidator.viewBody("CREATE VIEW v AS SELECT 1"));
        assertEquals(Optional.empty(), DuckDbQueryValidator.viewBody("CREATE TEMPORARY VIEW v(a) AS SELECT 1"));
    }

    @Test
    void duckdbMessagesBecomeOneLineWithThePosition() {
        String wrapped = DuckDbQueryValidator.WRAPPER_START + "select * from nope" + DuckDbQueryValidator.WRAPPER_END;
        String message = "Catalog Error: Table with name nope does not exist!\nDid you mean \"pg_enum\"?\n\n"
                + "LINE 1: SELECT count(*) FROM (select * from nope\n"
                + "                                            ^";
        assertEquals("Catalog Error: Table with name nope does not exist! (at line 1, column 15)",
                DuckDbErrors.describe(message, wrapped, DuckDbQueryValidator.WRAPPER_START.length()));
        String longLine = "select " + "a, ".repeat(40) + "l.nope from t as l";
        assertEquals("Binder Error: x (at line 2, column " + (longLine.indexOf("l.nope") + 1) + ")",
                DuckDbErrors.describe("Binder Error: x\n\nLINE 2: ...a, a, a, l.nope from t as l\n"
                        + " ".repeat("LINE 2: ...a, a, a, ".length()) + "^", "select 1,\n" + longLine, 0));
        assertEquals("Parser Error: x (at line 3)", DuckDbErrors.describe(
                "Parser Error: x\n\nLINE 3: ...not in the text\n            ^", "a\nb\nc", 0));
        assertEquals("IO Error: no position", DuckDbErrors.describe("IO Error: no position", "", 0));
        assertEquals("(at line 2, column 3)", DuckDbErrors.position("ab\ncdef", 5));
    }
}
