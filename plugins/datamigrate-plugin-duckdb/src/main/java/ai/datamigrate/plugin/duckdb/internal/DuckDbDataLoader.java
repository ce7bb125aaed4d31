package ai.datamigrate.plugin.duckdb.internal;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.ErrorKind;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.RowSource;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.load.DataLoader;
import ai.datamigrate.spi.load.LoadRequest;
import ai.datamigrate.spi.load.LoadResult;
import ai.datamigrate.spi.load.LoadedTable;
import ai.datamigrate.support.target.LoadDiagnostics;
import ai.datamigrate.support.target.RawLayout;
import ai.datamigrate.support.target.RawTables;
import ai.datamigrate.support.target.RejectFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Creates the raw tables of a catalog in a DuckDB database file: one table per source table, in the source's names,
 * with the mapped types and no constraints (the raw layer holds data as it came; dbt tests check it). Schema only,
 * everything happens in one transaction. With rows, each table is created, filled through DuckDB's appender and
 * verified in a transaction of its own, so a failed table never stays half-loaded and the others still load.
 */
final class DuckDbDataLoader implements DataLoader {

    static final String URL_PREFIX = "jdbc:duckdb:";

    private static final ErrorCode NOT_A_FILE = new ErrorCode("DUCKDB-URL-NOT-A-FILE", ErrorKind.USER, false);
    private static final ErrorCode OPEN_FAILED = new ErrorCode("DUCKDB-OPEN-FAILED", ErrorKind.EXTERNAL, true);
    private static final ErrorCode DDL_FAILED = new ErrorCode("DUCKDB-DDL-FAILED", ErrorKind.EXTERNAL, false);

    private final DuckDbTargetDialect dialect;
    /** DuckDB matches names case-insensitively, so a table differing only in case exists already too. */
    private final RawTables rawTables;
    private final LoadDiagnostics report = new LoadDiagnostics("DUCKDB");
    private final PluginContext context;
    private final Path rejectDirectory;
    private final long maxRejects;

    /**
     * @param rejectDirectory where {@code <schema>.<table>.rejects.tsv} files go
     * @param maxRejects      rejected rows a table may have and still be loaded (without them)
     */
    DuckDbDataLoader(DuckDbTargetDialect dialect, PluginContext context, Path rejectDirectory, long maxRejects) {
        this.dialect = dialect;
        this.rawTables = new RawTables(dialect, "DUCKDB", false, true);
        this.context = context;
        this.rejectDirectory = rejectDirectory;
        this.maxRejects = maxRejects;
    }

    @Override
    public LoadResult load(LoadRequest request) {
        rawTables.requireRows(request);
        Path file = databaseFile(request.targetUrl());
        List<Table> tables = RawTables.select(request);
        List<Diagnostic> diagnostics = new ArrayList<>();
        try (Connection connection = open(request.targetUrl(), file)) {
            connection.setAutoCommit(false);
            if (request.schemaOnly()) {
                return rawTables.createOnly(connection, request, tables, diagnostics);
            }
            return loadRows(connection, request, tables, request.rows().orElseThrow(), diagnostics);
        } catch (SQLException e) {
            throw new DataMigrateException(DDL_FAILED, "could not create the raw tables in " + file + ": "
                    + context.maskSecrets(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * The database file of a {@code jdbc:duckdb:FILE} URL. An in-memory database ({@code jdbc:duckdb:} or
     * {@code :memory:}) would vanish with the connection, so it is refused.
     */
    static Path databaseFile(String url) {
        String rest = url.substring(URL_PREFIX.length());
        int options = rest.indexOf('?');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (path.isBlank() || path.startsWith(":memory:")) {
            throw new DataMigrateException(NOT_A_FILE, "'" + url + "' is an in-memory DuckDB database, which is gone"
                    + " when the load ends; name a file: jdbc:duckdb:/path/to/warehouse.duckdb");
        }
        if (path.startsWith("md:") || path.contains("://")) {
            throw new DataMigrateException(NOT_A_FILE, "'" + url + "' is not a local DuckDB file; name a file:"
                    + " jdbc:duckdb:/path/to/warehouse.duckdb");
        }
        return Path.of(path);
    }

    private Connection open(String url, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // the driver class directly: DriverManager only sees drivers of the caller's class loader
            Connection connection = new DuckDBDriver().connect(url, new Properties());
            if (connection == null) {
                throw new SQLException("the DuckDB driver does not accept " + url);
            }
            return connection;
        } catch (SQLException | java.io.IOException e) {
            throw new DataMigrateException(OPEN_FAILED, "could not open the DuckDB database " + file + ": "
                    + context.maskSecrets(String.valueOf(e.getMessage()))
                    + " (is another process, e.g. dbt or the duckdb shell, holding it open?)", e);
        }
    }

    /**
     * Creates and fills each table in a transaction of its own, verified before the commit: a table that fails
     * (rejects past the threshold, an appender error, a verification difference) is rolled back and reported, and
     * the other tables still load.
     */
    private LoadResult loadRows(Connection connection, LoadRequest request, List<Table> tables, RowSource rows,
                                List<Diagnostic> diagnostics) throws SQLException {
        try {
            rawTables.createSchemas(connection, request.rawSchema(), tables);
            if (!request.replace()) {
                for (Table table : tables) {
                    String schema = RawLayout.schemaFor(request.rawSchema(), table.name().schema());
                    if (rawTables.exists(connection, schema, table.name().name())) {
                        throw rawTables.alreadyExists(schema, table.name().name(), "");
                    }
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        List<ObjectName> withRows = rawTables.tablesWithRows(request, rows, diagnostics);
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        List<LoadedTable> loaded = new ArrayList<>();
        for (Table table : tables) {
            boolean hasRows = withRows.stream().anyMatch(n -> n.matches(table.name()));
            loadTable(duck, request, table, hasRows ? Optional.of(rows) : Optional.empty(), diagnostics)
                    .ifPresent(loaded::add);
        }
        return new LoadResult(loaded, diagnostics);
    }

    private Optional<LoadedTable> loadTable(DuckDBConnection connection, LoadRequest request, Table table,
                                            Optional<RowSource> rows, List<Diagnostic> diagnostics)
            throws SQLException {
        String schema = RawLayout.schemaFor(request.rawSchema(), table.name().schema());
        String name = table.name().name();
        String target = schema + "." + name;
        List<DuckDbColumn> columns = table.columns().stream()
                .map(c -> DuckDbColumn.forType(dialect.mapType(c.type()).targetType())).toList();
        try (RejectFile rejects = new RejectFile(rejectDirectory, schema, name, RejectFile.Format.TSV)) {
            try (Statement statement = connection.createStatement()) {
                if (request.replace()) {
                    statement.execute(rawTables.dropIfExists(schema, name));
                }
                statement.execute(rawTables.createTable(schema, table, diagnostics));
            }
            if (columns.isEmpty()) {
                connection.commit();
                return Optional.of(new LoadedTable(table.name(), schema, name, 0, 0));
            }
            DuckDBAppender appender = connection.createAppender(schema, name);
            TableAppend consumer = new TableAppend(table, columns, appender, rejects, maxRejects);
            String problem = null;
            try {
                if (rows.isPresent()) {
                    rows.get().read(table.name(), consumer);
                }
                if (consumer.failure().isPresent()) {
                    problem = "appending to " + target + " failed: "
                            + context.maskSecrets(String.valueOf(consumer.failure().get().getMessage()));
                } else if (consumer.overThreshold()) {
                    problem = LoadDiagnostics.tooManyRejects(rejects, maxRejects);
                }
            } catch (RuntimeException e) {
                problem = "reading its rows from the input failed: " + e.getMessage();
            } finally {
                // closing flushes what is buffered, inside the table's transaction; a rollback below discards it
                try {
                    appender.close();
                } catch (SQLException e) {
                    if (problem == null) {
                        problem = "appending to " + target + " failed: "
                                + context.maskSecrets(String.valueOf(e.getMessage()));
                    }
                }
            }
            if (problem != null) {
                return fail(connection, diagnostics, table, problem);
            }
            List<String> differences = TableVerifier.verify(connection, dialect, schema, table, columns,
                    consumer.rows(), consumer.stats());
            if (!differences.isEmpty()) {
                connection.rollback();
                report.mismatches(table, target, differences, diagnostics);
                return Optional.empty();
            }
            connection.commit();
            report.loaded(table, target, consumer.rows(), columns.size(), "non-null counts, min/max and sums", rejects,
                    maxRejects, diagnostics);
            return Optional.of(new LoadedTable(table.name(), schema, name, table.columns().size(), consumer.rows()));
        } catch (SQLException | RuntimeException e) {
            return fail(connection, diagnostics, table, "loading into " + target + " failed: "
                    + context.maskSecrets(String.valueOf(e.getMessage())));
        }
    }

    /** Rolls the table back and reports why. */
    private Optional<LoadedTable> fail(Connection connection, List<Diagnostic> diagnostics, Table table,
                                       String reason) throws SQLException {
        connection.rollback();
        diagnostics.add(report.failed(table, reason));
        return Optional.empty();
    }
}
