package ai.datamigrate.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.cli.internal.CliRunner.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datamigrate validate} and {@code migrate --validate-url} on DuckDB: every model of a generated project runs on
 * the DuckDB file the raw tables were loaded into, with no server, and a failure is mapped back to the source object
 * and its place in the script. Needs nothing but the JVM, so it never skips.
 */
class DuckDbValidateIT {

    @TempDir
    Path dir;

    @Test
    void everyModelRunsOnTheDuckdbFileAndABrokenRawTableIsReportedAgainstTheSourceObject() throws Exception {
        Path project = dir.resolve("shop");
        Path database = dir.resolve("shop.duckdb");
        String url = "jdbc:duckdb:" + database;
        Run migrate = CliRunner.run("migrate", CliRunner.sample().toString(), "--target", "duckdb", "--out",
                project.toString());
        assertTrue(migrate.exitCode() == ExitCode.OK || migrate.exitCode() == ExitCode.NEEDS_REVIEW, migrate.err());
        Run load = CliRunner.run("load", CliRunner.sample().toString(), "--target-url", url, "--reject-dir",
                dir.resolve("rejects").toString(), "--report-dir", dir.toString());
        assertEquals(ExitCode.OK, load.exitCode(), load.err());
        long rows = rows(database);

        Run valid = CliRunner.run("validate", project.toString(), "--target-url", url);
        assertEquals(ExitCode.OK, valid.exitCode(), valid.out() + valid.err());
        String model = "int_legacy_shop_sales__order_totals";
        assertTrue(valid.out().contains("ok     " + model + "  (view sales.Order Totals, rule)"), valid.out());
        assertTrue(valid.err().contains("0 failed"), valid.err());

        Run checked = CliRunner.run("migrate", CliRunner.sample().toString(), "--target", "duckdb", "--out",
                dir.resolve("shop-checked").toString(), "--validate-url", url);
        assertEquals(migrate.exitCode(), checked.exitCode(), checked.out() + checked.err());
        Path orderTotals = model(project, model + ".sql");
        assertEquals(Files.readString(orderTotals), Files.readString(dir.resolve("shop-checked")
                .resolve(project.relativize(orderTotals))), "a model that executes is kept as it is");
        assertEquals(rows, rows(database), "validation changed the loaded rows");

        try (Connection c = new DuckDBDriver().connect(url, new Properties()); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE raw_sales.\"Order Lines\" RENAME COLUMN \"Discount\" TO discount_gone");
        }
        Run broken = CliRunner.run("validate", project.toString(), "--target-url", url);
        assertEquals(ExitCode.NEEDS_REVIEW, broken.exitCode(), broken.out() + broken.err());
        String line = broken.out().lines().filter(l -> l.startsWith("error  " + model)).findFirst().orElse("");
        assertTrue(line.startsWith("error  " + model + "  (view sales.Order Totals at legacy_shop.sql:89:1, rule):"
                + " the target rejected the query: Binder Error: "), broken.out());
        assertTrue(line.contains("Discount") && line.matches(".*\\(at line \\d+, column \\d+\\)$"), line);
        // the ETL procedure built on Order Totals reads the broken column through it, and fails too
        assertTrue(broken.out().lines().anyMatch(l -> l.startsWith("error  refresh_customer_sales  ")), broken.out());
        assertTrue(broken.err().contains("2 failed"), broken.err());
    }

    @Test
    void aMissingDatabaseFileIsOneClearError() {
        Path project = dir.resolve("shop");
        Run migrate = CliRunner.run("migrate", CliRunner.sample().toString(), "--target", "duckdb", "--out",
                project.toString());
        assertTrue(migrate.exitCode() == ExitCode.OK || migrate.exitCode() == ExitCode.NEEDS_REVIEW, migrate.err());
        Run run = CliRunner.run("validate", project.toString(), "--target-url", "jdbc:duckdb:"
                + dir.resolve("nothing-loaded.duckdb"));
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains("no DuckDB database at") && run.err().contains("datamigrate load"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(Files.exists(dir.resolve("nothing-loaded.duckdb")), "validate must not create the file");
    }

    private static Path model(Path project, String file) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(project.resolve("models"))) {
            return files.filter(f -> f.getFileName().toString().equals(file)).findFirst().orElseThrow();
        }
    }

    /** Rows of every raw table in the file. */
    private static long rows(Path database) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        long total = 0;
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + database, readOnly);
             Statement s = c.createStatement();
             ResultSet tables = s.executeQuery("SELECT sum(estimated_size) FROM duckdb_tables()"
                     + " WHERE schema_name LIKE 'raw%'")) {
            tables.next();
            total = tables.getLong(1);
        }
        assertTrue(total > 0, "the sample's rows were loaded");
        return total;
    }
}
