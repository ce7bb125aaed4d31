package ai.datamigrate.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.RowConsumer;
import ai.datamigrate.spi.data.RowSource;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.load.DataLoaderFactory;
import ai.datamigrate.spi.load.LoadRequest;
import ai.datamigrate.spi.load.LoadResult;
import ai.datamigrate.spi.load.LoadedTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every data loader must satisfy on a live target: {@link #targetUrl()} names one (empty skips the checks, so a
 * test that must not skip, e.g. in CI, fails there instead) and {@link #openTarget(String)} gives the test a
 * connection of its own to count what was loaded. The catalog is one table, {@code dbo.DmLoaderContract} (an int, an
 * nvarchar, a decimal and a date column), loaded into {@link #rawSchema()}.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface DataLoaderContract {

    /** The source table the contract loads. */
    ObjectName TABLE = new ObjectName("dbo", "DmLoaderContract");

    /**
     * The factory under test.
     *
     * @return the factory
     */
    DataLoaderFactory factory();

    /**
     * A URL of a live target the factory accepts.
     *
     * @return the URL; empty when there is none here (the checks abort)
     */
    Optional<String> targetUrl();

    /**
     * A connection of the test's own to {@code url}; closed before the loader runs again.
     *
     * @param url the target URL
     * @return an open connection
     * @throws SQLException when the target cannot be reached
     */
    Connection openTarget(String url) throws SQLException;

    /**
     * The loader's configuration; give it a temporary folder for reject files and no tolerance for rejected rows.
     *
     * @return the configuration
     */
    Map<String, String> config();

    /**
     * The raw schema the checks load into; dropped and re-created as the checks need.
     *
     * @return the schema name
     */
    default String rawSchema() {
        return "dm_loader_contract";
    }

    private static Column column(String name, DataType type) {
        SourceLocation at = new SourceLocation("contract.sql", 1, 1);
        return new Column(name, type, true, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), false, Optional.empty(), at);
    }

    private static Database database() {
        Table table = new Table(TABLE, List.of(column("Id", DataType.of("int")),
                column("Name", DataType.withLength("nvarchar", 40)),
                column("Price", DataType.withPrecision("decimal", 10, 2)), column("Day", DataType.of("date"))),
                Optional.empty(), List.of(), List.of(), List.of(), List.of(), Map.of(), Optional.empty(),
                "CREATE TABLE dbo.DmLoaderContract (...)", new SourceLocation("contract.sql", 1, 1));
        return new Database("contract", List.of(new Schema("dbo", List.of(table), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), Optional.empty())), Optional.empty());
    }

    /** Good rows: three, with a quote, non-ASCII text and NULLs. */
    private static RowSource rows(List<List<Object>> rows) {
        return new RowSource() {
            @Override
            public List<ObjectName> tables() {
                return List.of(TABLE);
            }

            @Override
            public void read(ObjectName table, RowConsumer consumer) {
                consumer.columns(List.of("Id", "Name", "Price", "Day"));
                int line = 1;
                for (List<Object> row : rows) {
                    if (!consumer.row(row, new SourceLocation("contract.sql", line++, 1))) {
                        return;
                    }
                }
            }
        };
    }

    private static List<List<Object>> goodRows() {
        return List.of(Arrays.asList(1L, "one", new BigDecimal("1.50"), LocalDate.of(2024, 1, 31)),
                Arrays.asList(2L, "it's two", null, null),
                Arrays.asList(3L, "日本 é", new BigDecimal("3.25"), "2024-02-29"));
    }

    private String url() {
        Optional<String> url = targetUrl();
        Assumptions.assumeTrue(url.isPresent(), "no target to load into");
        return url.get();
    }

    private LoadResult load(String url, boolean replace, boolean schemaOnly, List<List<Object>> rows) {
        return factory().create(config(), new TestPluginContext()).load(new LoadRequest(database(), url, rawSchema(),
                List.of(), replace, schemaOnly, schemaOnly ? Optional.empty() : Optional.of(rows(rows))));
    }

    /** Rows of the loaded table and the sum of its ids, read by the test's own connection. */
    private long[] content(String url, LoadedTable table) throws SQLException {
        try (Connection c = openTarget(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*), coalesce(sum(\"Id\"), 0) FROM \"" + table.targetSchema()
                     + "\".\"" + table.targetTable() + "\"")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        }
    }

    @Test
    default void acceptsItsOwnUrlsOnly() {
        assertFalse(factory().accepts("jdbc:dm-contract-nobody://localhost/x"));
        targetUrl().ifPresent(url -> assertTrue(factory().accepts(url), url));
    }

    @Test
    default void schemaOnlyCreatesTheTableEmpty() throws SQLException {
        String url = url();
        LoadResult result = load(url, true, true, List.of());
        assertEquals(1, result.tables().size(), result.toString());
        LoadedTable table = result.tables().get(0);
        assertEquals(TABLE, table.source());
        assertEquals(4, table.columns());
        assertEquals(0, content(url, table)[0]);
    }

    @Test
    default void loadsEveryRowAndReportsTheCount() throws SQLException {
        String url = url();
        LoadResult result = load(url, true, false, goodRows());
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR), result.toString());
        LoadedTable table = result.tables().get(0);
        assertEquals(3, table.rows());
        assertEquals(3, content(url, table)[0]);
        assertEquals(6, content(url, table)[1]);
    }

    @Test
    default void anExistingTableIsOnlyReplacedWhenAsked() throws SQLException {
        String url = url();
        LoadedTable table = load(url, true, false, goodRows()).tables().get(0);
        boolean refused;
        try {
            LoadResult again = load(url, false, false, goodRows().subList(0, 1));
            refused = again.tables().isEmpty()
                    || again.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
        } catch (DataMigrateException e) {
            refused = true;
        }
        assertTrue(refused, "loading over an existing table without replace must be refused");
        assertEquals(3, content(url, table)[0], "the refused load changed the table");
        assertEquals(1, load(url, true, false, goodRows().subList(0, 1)).tables().get(0).rows());
        assertEquals(1, content(url, table)[0]);
    }

    @Test
    default void aTableThatFailsIsRolledBackWhole() throws SQLException {
        String url = url();
        LoadedTable table = load(url, true, false, goodRows()).tables().get(0);
        List<List<Object>> bad = List.of(Arrays.asList(7L, "fine", null, null),
                Arrays.asList("not a number", "bad", null, null));
        boolean failed;
        try {
            LoadResult result = load(url, true, false, bad);
            failed = result.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
        } catch (DataMigrateException e) {
            failed = true;
        }
        assertTrue(failed, "a row that cannot be converted, with no rejects allowed, fails the table");
        long[] content = content(url, table);
        assertEquals(3, content[0], "the failed load left a partly loaded or dropped table");
        assertEquals(6, content[1]);
    }
}
