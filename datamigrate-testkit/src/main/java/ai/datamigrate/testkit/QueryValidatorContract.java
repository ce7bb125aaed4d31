package ai.datamigrate.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.validate.QueryCheck;
import ai.datamigrate.spi.validate.QueryValidator;
import ai.datamigrate.spi.validate.QueryValidatorFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every query validator must satisfy. The parse checks need nothing but the factory. The execution checks need a
 * live target: {@link #targetUrl()} names one (empty skips them, so a test that must not skip, e.g. in CI, fails there
 * instead) and {@link #openTarget(String)} gives the test a connection of its own to prepare a raw table and count its
 * rows afterwards. The table is {@code dbo.dm_contract_rows} of the source, at the validator's
 * {@link QueryValidator#rawRelation raw relation} for it, with {@link #ROWS} rows.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface QueryValidatorContract {

    /** The source table the execution checks read, in the raw schema {@link #rawSchema()}. */
    ObjectName TABLE = new ObjectName("dbo", "dm_contract_rows");
    /** Rows of {@link #TABLE}; a check that could change data would change this count. */
    int ROWS = 3;
    /** What an error must name: where in the query it is ({@code line 1, column 8}, {@code Position: 8}). */
    Pattern POSITION = Pattern.compile("(?i)(line|column|position)\\s*:?\\s*\\d+");

    QueryValidatorFactory factory();

    /** A URL of a live target the factory accepts; empty when there is none here (the execution checks abort). */
    Optional<String> targetUrl();

    /** A connection of the test's own to {@code url}; closed before the validator opens the target. */
    Connection openTarget(String url) throws SQLException;

    /** The raw schema the execution checks use. */
    default String rawSchema() {
        return "dm_contract";
    }

    /**
     * Creates {@code relation} (the validator's raw relation of {@link #TABLE}, {@code schema.table}) with {@link #ROWS}
     * rows; override for a target that does not speak this SQL.
     */
    default void createTable(Statement statement, String relation) throws SQLException {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + relation.substring(0, relation.lastIndexOf('.')));
        statement.execute("DROP TABLE IF EXISTS " + relation);
        statement.execute("CREATE TABLE " + relation + " (id integer, name varchar(20))");
        statement.execute("INSERT INTO " + relation + " VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    }

    private QueryValidator parser() {
        return factory().create(Optional.empty(), rawSchema(), Map.of(), new TestPluginContext());
    }

    @Test
    default void parseAcceptsOneQueryAndListsItsRelationsInOrder() {
        try (QueryValidator validator = parser()) {
            QueryCheck check = validator.parse("SELECT a.id, b.name FROM __dm_rel_2__ AS a JOIN __dm_rel_1__ AS b"
                    + " ON a.id = b.id WHERE a.id IN (SELECT id FROM __dm_rel_3__)");
            assertTrue(check.ok(), check.toString());
            assertEquals(List.of("__dm_rel_2__", "__dm_rel_1__", "__dm_rel_3__"), check.relations());
        }
    }

    @Test
    default void parseAcceptsWithUnionAndValuesButNotCteNamesAsRelations() {
        try (QueryValidator validator = parser()) {
            QueryCheck with = validator.parse("WITH t AS (SELECT id FROM __dm_rel_1__) SELECT id FROM t"
                    + " UNION ALL SELECT id FROM __dm_rel_2__");
            assertTrue(with.ok(), with.toString());
            assertEquals(List.of("__dm_rel_1__", "__dm_rel_2__"), with.relations());
            QueryCheck values = validator.parse("VALUES (1, 'a'), (2, 'b')");
            assertTrue(values.ok(), values.toString());
            assertEquals(List.of(), values.relations());
        }
    }

    @Test
    default void parseRefusesTwoStatements() {
        try (QueryValidator validator = parser()) {
            QueryCheck check = validator.parse("SELECT 1 FROM __dm_rel_1__; SELECT 2 FROM __dm_rel_1__");
            assertFalse(check.ok(), "two statements passed");
            assertTrue(check.relations().isEmpty(), check.toString());
        }
    }

    @Test
    default void parseRefusesDdlAndDml() {
        try (QueryValidator validator = parser()) {
            for (String sql : List.of("DROP TABLE __dm_rel_1__", "CREATE TABLE x (id integer)",
                    "DELETE FROM __dm_rel_1__", "INSERT INTO __dm_rel_1__ VALUES (1)",
                    "UPDATE __dm_rel_1__ SET id = 2")) {
                assertFalse(validator.parse(sql).ok(), "passed: " + sql);
            }
        }
    }

    @Test
    default void parseErrorsSayWhere() {
        try (QueryValidator validator = parser()) {
            QueryCheck check = validator.parse("SELECT id,, name FROM __dm_rel_1__");
            assertFalse(check.ok());
            assertTrue(POSITION.matcher(check.error().get()).find(), "no position in: " + check.error().get());
        }
    }

    @Test
    default void withoutATargetItParsesOnlyAndExecutionFailsWithoutThrowing() {
        try (QueryValidator validator = parser()) {
            assertFalse(validator.canExecute());
            assertFalse(validator.execute(List.of(), "SELECT 1").ok());
        }
    }

    @Test
    default void acceptsOnlyItsOwnUrls() {
        assertFalse(factory().accepts("jdbc:dm-contract-nobody://localhost/x"));
        targetUrl().ifPresent(url -> assertTrue(factory().accepts(url), url));
    }

    /** The target URL, with {@link #TABLE} created fresh; aborts the test when there is no target. */
    private String preparedTarget() throws SQLException {
        Optional<String> url = targetUrl();
        Assumptions.assumeTrue(url.isPresent(), "no target to execute on");
        String relation;
        try (QueryValidator validator = parser()) {
            relation = validator.rawRelation(TABLE);
        }
        try (Connection connection = openTarget(url.get()); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            createTable(statement, relation);
        }
        return url.get();
    }

    private QueryValidator executor(String url) {
        return factory().create(Optional.of(url), rawSchema(), Map.of(), new TestPluginContext());
    }

    private long rows(String url, String relation) throws SQLException {
        try (Connection connection = openTarget(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + relation)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    default void executesAQueryOnTheRawTableAndOnStandInViews() throws SQLException {
        String url = preparedTarget();
        try (QueryValidator validator = executor(url)) {
            assertTrue(validator.canExecute());
            String relation = validator.rawRelation(TABLE);
            QueryCheck plain = validator.execute(List.of(), "SELECT id, name FROM " + relation + " WHERE id > 1");
            assertTrue(plain.ok(), plain.toString());
            QueryCheck viaView = validator.execute(List.of("CREATE TEMPORARY VIEW dm_check_0 AS SELECT id FROM "
                    + relation), "SELECT count(*) AS n FROM dm_check_0");
            assertTrue(viaView.ok(), viaView.toString());
            QueryCheck gone = validator.execute(List.of(), "SELECT count(*) AS n FROM dm_check_0");
            assertFalse(gone.ok(), "the stand-in view outlived its check's transaction");
        }
    }

    @Test
    default void executionErrorsCarryTheTargetsMessageAndWhere() throws SQLException {
        String url = preparedTarget();
        try (QueryValidator validator = executor(url)) {
            QueryCheck check = validator.execute(List.of(), "SELECT id, no_such_column FROM "
                    + validator.rawRelation(TABLE));
            assertFalse(check.ok());
            String error = check.error().get();
            assertTrue(error.contains("no_such_column"), error);
            assertTrue(POSITION.matcher(error).find(), "no position in: " + error);
        }
    }

    @Test
    default void nothingItIsGivenChangesTheTarget() throws SQLException {
        String url = preparedTarget();
        String relation;
        try (QueryValidator validator = executor(url)) {
            relation = validator.rawRelation(TABLE);
            List<List<String>> attempts = List.of(
                    List.of("DELETE FROM " + relation),
                    List.of("CREATE TEMPORARY VIEW dm_check_0 AS SELECT 1 AS x; DELETE FROM " + relation),
                    List.of("CREATE TEMPORARY VIEW dm_check_0 AS SELECT 1 AS x", "DROP TABLE " + relation));
            for (List<String> setup : attempts) {
                assertFalse(validator.execute(setup, "SELECT 1 AS x").ok(), "setup accepted: " + setup);
            }
            for (String query : List.of("SELECT 1 AS x) AS q; DELETE FROM " + relation + "; SELECT (1",
                    "DELETE FROM " + relation, "DROP TABLE " + relation,
                    "WITH d AS (DELETE FROM " + relation + " RETURNING id) SELECT id FROM d")) {
                assertFalse(validator.execute(List.of(), query).ok(), "query accepted: " + query);
            }
        }
        assertEquals(ROWS, rows(url, relation), "a check changed the raw table");
    }
}
