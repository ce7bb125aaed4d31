package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.ErrorKind;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.RowSource;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.load.DataLoader;
import ai.datamigrate.spi.load.LoadEvent;
import ai.datamigrate.spi.load.LoadListener;
import ai.datamigrate.spi.load.LoadRequest;
import ai.datamigrate.spi.load.LoadResult;
import ai.datamigrate.spi.load.LoadedTable;
import ai.datamigrate.spi.load.TableVerification;
import ai.datamigrate.support.target.LoadDiagnostics;
import ai.datamigrate.support.target.RawLayout;
import ai.datamigrate.support.target.RawTables;
import ai.datamigrate.support.target.RejectFile;
import ai.datamigrate.support.target.RejectOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Creates the raw tables of a catalog in PostgreSQL: one table per source table, in the source's names, with
 * the mapped types and no constraints (the raw layer holds data as it came; dbt tests check it). Schema only,
 * everything happens in one transaction. With rows, each table is created, filled with {@code COPY} and verified in
 * a transaction of its own, so a failed table never stays half-loaded and the others still load.
 */
final class PostgresDataLoader implements DataLoader {

    private static final ErrorCode CONNECT_FAILED = new ErrorCode("PG-CONNECT-FAILED", ErrorKind.EXTERNAL, true);
    private static final ErrorCode DDL_FAILED = new ErrorCode("PG-DDL-FAILED", ErrorKind.EXTERNAL, false);

    private final PostgresTargetDialect dialect;
    /** Drops cascade: views of an earlier dbt run depend on the raw tables. */
    private final RawTables rawTables;
    private final LoadDiagnostics report = new LoadDiagnostics("PG");
    private final String user;
    private final String password;
    private final PluginContext context;
    private final Path rejectDirectory;
    private final long maxRejects;

    PostgresDataLoader(PostgresTargetDialect dialect, String user, String password, PluginContext context) {
        this(dialect, user, password, context, Path.of(RejectOptions.DEFAULT_DIRECTORY), 0);
    }

    /**
     * @param rejectDirectory where {@code <schema>.<table>.rejects.tsv} files go
     * @param maxRejects      rejected rows a table may have and still be loaded (without them)
     */
    PostgresDataLoader(PostgresTargetDialect dialect, String user, String password, PluginContext context,
                       Path rejectDirectory, long maxRejects) {
        this.dialect = dialect;
        this.rawTables = new RawTables(dialect, "PG", true, false);
        this.user = user;
        this.password = password;
        this.context = context;
        this.rejectDirectory = rejectDirectory;
        this.maxRejects = maxRejects;
    }

    @Override
    public LoadResult load(LoadRequest request) {
        rawTables.requireRows(request);
        List<Table> tables = RawTables.select(request);
        List<Diagnostic> diagnostics = new ArrayList<>();
        Properties properties = connectionProperties(user, password, "datamigrate");
        try (Connection connection = connect(request.targetUrl(), properties)) {
            connection.setAutoCommit(false);
            if (request.schemaOnly()) {
                return rawTables.createOnly(connection, request, tables, diagnostics);
            }
            return loadRows(connection, request, tables, request.rows().orElseThrow(), diagnostics, properties);
        } catch (SQLException e) {
            throw new DataMigrateException(DDL_FAILED, "could not create the raw tables on "
                    + context.maskSecrets(request.targetUrl()) + ": " + context.maskSecrets(String.valueOf(e.getMessage())), e);
        }
    }

    /** One table's load: what was loaded (nothing when it failed), what happened, how it compared. */
    private record TableOutcome(Optional<LoadedTable> loaded, List<Diagnostic> diagnostics,
                                Optional<TableVerification> verification) {
    }

    /** A table to load, with its DDL and that DDL's fingerprint (a resumed load reloads a table whose DDL changed). */
    private record Job(int index, Table table, String schema, String ddl, String fingerprint,
                       List<Diagnostic> ddlDiagnostics) {
    }

    /**
     * Creates and fills each table in a transaction of its own, verified before the commit: a table that fails
     * (rejects past the threshold, a COPY error, a verification difference) is rolled back and reported, and the
     * other tables still load. With several jobs, tables load in parallel, each on a connection of its own; the
     * result lists them in the request's order whatever order they finish in. A verified table is recorded in
     * {@link LoadState} in its own transaction, which is what {@code resume} reads.
     */
    private LoadResult loadRows(Connection connection, LoadRequest request, List<Table> tables, RowSource rows,
                                List<Diagnostic> diagnostics, Properties properties) throws SQLException {
        List<Job> jobs = new ArrayList<>();
        Map<Integer, TableOutcome> resumed = new java.util.HashMap<>();
        boolean serverHashes;
        try {
            rawTables.createSchemas(connection, request.rawSchema(), tables);
            LoadState.create(connection, dialect, request.rawSchema());
            Map<String, LoadState.Entry> done = request.resume()
                    ? LoadState.read(connection, dialect, request.rawSchema()) : Map.of();
            for (int i = 0; i < tables.size(); i++) {
                Table table = tables.get(i);
                String schema = RawLayout.schemaFor(request.rawSchema(), table.name().schema());
                List<Diagnostic> ddlDiagnostics = new ArrayList<>();
                String ddl = createTable(schema, table, ddlDiagnostics);
                String fingerprint = LoadState.fingerprint(ddl);
                boolean exists = rawTables.exists(connection, schema, table.name().name());
                LoadState.Entry entry = done.get(schema + "." + table.name().name());
                if (exists && entry != null && entry.fingerprint().equals(fingerprint)) {
                    LoadedTable loaded = new LoadedTable(table.name(), schema, table.name().name(),
                            table.columns().size(), entry.rows(), true);
                    resumed.put(i, new TableOutcome(Optional.of(loaded), List.of(Diagnostic.info("PG-LOAD-RESUMED",
                            table.location(), schema + "." + table.name().name() + " was loaded and verified by an "
                                    + "earlier run (" + entry.rows() + " rows); --resume skips it")
                            .withObject(table.name().toString())), Optional.empty()));
                    continue;
                }
                if (exists && !request.replace()) {
                    throw rawTables.alreadyExists(schema, table.name().name(), request.resume()
                            ? " and no earlier run recorded it as loaded with this definition" : "");
                }
                jobs.add(new Job(i, table, schema, ddl, fingerprint, ddlDiagnostics));
            }
            serverHashes = TableVerifier.serverHashes(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        List<ObjectName> withRows = rawTables.tablesWithRows(request, rows, diagnostics);
        TableOutcome[] outcomes = new TableOutcome[tables.size()];
        resumed.forEach((index, outcome) -> {
            outcomes[index] = outcome;
            LoadedTable t = outcome.loaded().orElseThrow();
            request.listener().onEvent(new LoadEvent.Finished(t.source(), t.targetSchema() + "." + t.targetTable(),
                    index, t.rows(), true, true));
        });
        int parallel = rows.concurrentReads() ? Math.min(request.jobs(), jobs.size()) : 1;
        if (parallel <= 1) {
            CopyManager copyManager = new CopyManager(connection.unwrap(BaseConnection.class));
            for (Job job : jobs) {
                outcomes[job.index()] = loadTable(connection, copyManager, request, job, tables.size(), rows,
                        withRows, serverHashes);
            }
        } else {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel,
                    runnable -> {
                        Thread thread = new Thread(runnable, "datamigrate-load");
                        thread.setDaemon(true);
                        return thread;
                    });
            try {
                List<java.util.concurrent.Future<TableOutcome>> futures = new ArrayList<>();
                for (Job job : jobs) {
                    futures.add(pool.submit(() -> loadOnOwnConnection(request, job, tables.size(), rows, withRows,
                            serverHashes, properties)));
                }
                for (int i = 0; i < jobs.size(); i++) {
                    outcomes[jobs.get(i).index()] = await(futures.get(i));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<LoadedTable> loaded = new ArrayList<>();
        List<TableVerification> verifications = new ArrayList<>();
        for (TableOutcome outcome : outcomes) {
            outcome.loaded().ifPresent(loaded::add);
            diagnostics.addAll(outcome.diagnostics());
            outcome.verification().ifPresent(verifications::add);
        }
        return new LoadResult(loaded, diagnostics, verifications);
    }

    private static TableOutcome await(java.util.concurrent.Future<TableOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataMigrateException(DDL_FAILED, "the load was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new DataMigrateException(DDL_FAILED, "a table job failed: " + e.getCause(), e.getCause());
        }
    }

    /** A job of a parallel load: its own connection, so that its transaction is its own. */
    private TableOutcome loadOnOwnConnection(LoadRequest request, Job job, int tableCount, RowSource rows,
                                             List<ObjectName> withRows, boolean serverHashes, Properties properties) {
        try (Connection connection = connect(request.targetUrl(), properties)) {
            connection.setAutoCommit(false);
            CopyManager copyManager = new CopyManager(connection.unwrap(BaseConnection.class));
            return loadTable(connection, copyManager, request, job, tableCount, rows, withRows, serverHashes);
        } catch (SQLException | DataMigrateException e) {
            request.listener().onEvent(new LoadEvent.Finished(job.table().name(), job.schema() + "."
                    + job.table().name().name(), job.index(), 0, false, false));
            return new TableOutcome(Optional.empty(), List.of(report.failed(job.table(), "loading into "
                    + job.schema() + "." + job.table().name().name() + " failed: "
                    + context.maskSecrets(String.valueOf(e.getMessage())))), Optional.empty());
        }
    }

    private TableOutcome loadTable(Connection connection, CopyManager copyManager, LoadRequest request, Job job,
                                   int tableCount, RowSource source, List<ObjectName> withRows,
                                   boolean serverHashes) {
        Table table = job.table();
        String schema = job.schema();
        String name = table.name().name();
        String target = schema + "." + name;
        List<Diagnostic> diagnostics = new ArrayList<>(job.ddlDiagnostics());
        Optional<RowSource> rows = withRows.stream().anyMatch(n -> n.matches(table.name()))
                ? Optional.of(source) : Optional.empty();
        LoadListener listener = request.listener();
        listener.onEvent(new LoadEvent.Started(table.name(), target, job.index(), tableCount));
        List<ColumnConverter> converters = table.columns().stream()
                .map(c -> ColumnConverter.forType(dialect.mapType(c.type()).targetType())).toList();
        CopyIn copy = null;
        TableCopy consumer = null;
        try (RejectFile rejects = new RejectFile(rejectDirectory, schema, name,
                RejectFile.Format.COPY_TEXT)) {
            try (Statement statement = connection.createStatement()) {
                if (request.replace()) {
                    statement.execute(rawTables.dropIfExists(schema, name));
                }
                statement.execute(job.ddl());
            }
            if (converters.isEmpty()) {
                LoadState.record(connection, dialect, request.rawSchema(), table.name(), schema, name,
                        job.fingerprint(), 0);
                connection.commit();
                listener.onEvent(new LoadEvent.Finished(table.name(), target, job.index(), 0, true, false));
                return new TableOutcome(Optional.of(new LoadedTable(table.name(), schema, name, 0, 0)), diagnostics,
                        Optional.empty());
            }
            // FREEZE: the table was created in this transaction, so its rows may be written frozen, and the
            // verification scan right after does not have to set hint bits on (and dirty) every page.
            // Binary where every column allows it: the server then skips parsing numeric and timestamp text
            boolean binary = TableCopy.binaryPossible(converters);
            copy = copyManager.copyIn("copy " + rawTables.qualified(schema, name) + " (" + columnList(table)
                    + ") from stdin with (" + (binary ? "format binary, " : "") + "freeze)");
            consumer = new TableCopy(table, converters, copy, rejects, maxRejects,
                    count -> listener.onEvent(new LoadEvent.Rows(table.name(), target, count)), binary);
            if (rows.isPresent()) {
                PipelinedRows pipeline = new PipelinedRows(consumer, "datamigrate-copy " + target);
                try {
                    rows.get().read(table.name(), pipeline);
                } catch (RuntimeException e) {
                    pipeline.abort();
                    return fail(connection, copy, diagnostics, job, listener, "reading its rows from the input "
                            + "failed: " + e.getMessage());
                }
                pipeline.finish();
            }
            Optional<SQLException> copyFailure = consumer.finish();
            if (copyFailure.isPresent()) {
                return fail(connection, copy, diagnostics, job, listener, "COPY into " + target + " failed: "
                        + context.maskSecrets(String.valueOf(copyFailure.get().getMessage())));
            }
            if (consumer.overThreshold()) {
                return fail(connection, copy, diagnostics, job, listener,
                        LoadDiagnostics.tooManyRejects(rejects, maxRejects));
            }
            long copied;
            try {
                copied = copy.endCopy();
            } catch (SQLException e) {
                // PostgreSQL checks the values (e.g. xml) as they arrive; the last batch fails only here
                return fail(connection, copy, diagnostics, job, listener, "COPY into " + target + " failed: "
                        + context.maskSecrets(String.valueOf(e.getMessage())));
            }
            copy = null;
            TableVerification verification = TableVerifier.verify(connection, dialect, schema, table, converters,
                    consumer.rows(), copied, consumer.stats(), serverHashes);
            if (consumer.sourceAggregates().isPresent()) {
                // the source's own aggregates (a live server's) against the rows it streamed, which the target matched
                List<String> sourceSide = SourceCheck.differences(consumer.sourceAggregates().get(), table, converters,
                        consumer.rows(), rejects.count(), consumer.stats());
                List<String> all = new ArrayList<>(sourceSide);
                all.addAll(verification.differences());
                verification = new TableVerification(verification.source(), verification.target(),
                        verification.sourceRows(), verification.targetRows(), verification.columns(), all);
                if (sourceSide.isEmpty()) {
                    diagnostics.add(Diagnostic.info("PG-LOAD-SOURCE-AGREES", table.location(), target + ": "
                            + consumer.sourceAggregates().get().origin() + "'s own row count and per-column counts, "
                            + "min/max and sums agree with the rows it streamed").withObject(table.name().toString()));
                }
            }
            if (!verification.passed()) {
                connection.rollback();
                report.mismatches(table, target, verification.differences(), diagnostics);
                listener.onEvent(new LoadEvent.Finished(table.name(), target, job.index(), consumer.rows(), false,
                        false));
                return new TableOutcome(Optional.empty(), diagnostics, Optional.of(verification));
            }
            LoadState.record(connection, dialect, request.rawSchema(), table.name(), schema, name, job.fingerprint(),
                    consumer.rows());
            connection.commit();
            listener.onEvent(new LoadEvent.Finished(table.name(), target, job.index(), consumer.rows(), true, false));
            report.loaded(table, target, consumer.rows(), converters.size(),
                    "non-null counts, min/max, sums and value hashes", rejects, maxRejects, diagnostics);
            return new TableOutcome(Optional.of(new LoadedTable(table.name(), schema, name, table.columns().size(),
                    consumer.rows())), diagnostics, Optional.of(verification));
        } catch (SQLException | RuntimeException e) {
            return fail(connection, copy, diagnostics, job, listener, "loading into " + target + " failed: "
                    + context.maskSecrets(String.valueOf(e.getMessage())));
        }
    }

    /** Rolls the table back (cancelling a running COPY first) and reports why. */
    private TableOutcome fail(Connection connection, CopyIn copy, List<Diagnostic> diagnostics, Job job,
                              LoadListener listener, String reason) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the COPY is already broken; the rollback below is what matters
            }
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            // a broken connection rolls back on the server when it closes
        }
        diagnostics.add(report.failed(job.table(), reason));
        listener.onEvent(new LoadEvent.Finished(job.table().name(), job.schema() + "." + job.table().name().name(),
                job.index(), 0, false, false));
        return new TableOutcome(Optional.empty(), diagnostics, Optional.empty());
    }

    private String columnList(Table table) {
        return String.join(", ", table.columns().stream().map(c -> dialect.quoteIdentifier(c.name())).toList());
    }

    /** pgjdbc's connection properties; an empty password is left out (trust or .pgpass authentication). */
    static Properties connectionProperties(String user, String password, String applicationName) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        return properties;
    }

    private Connection connect(String url, Properties properties) {
        try {
            // pgjdbc's driver directly: DriverManager would first load and initialise every JDBC driver on the class
            // path (SQL Server's signed jar is verified, DuckDB's loaded), a second of CPU at every start
            Connection connection = new org.postgresql.Driver().connect(url, properties);
            if (connection == null) {
                throw new SQLException("not a PostgreSQL JDBC URL");
            }
            return connection;
        } catch (SQLException e) {
            throw new DataMigrateException(CONNECT_FAILED, "could not connect to " + context.maskSecrets(url)
                    + " as " + user + ": " + context.maskSecrets(String.valueOf(e.getMessage())), e);
        }
    }

    String createTable(String schema, Table table, List<Diagnostic> diagnostics) {
        return rawTables.createTable(schema, table, diagnostics);
    }
}
