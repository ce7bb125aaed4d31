package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.ErrorKind;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.load.DataLoader;
import ai.datamigrate.spi.load.LoadRequest;
import ai.datamigrate.spi.load.LoadResult;
import ai.datamigrate.spi.load.LoadedTable;
import ai.datamigrate.spi.target.TypeMapping;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Creates the raw tables of a catalog in PostgreSQL: one table per source table, in the source's names, with
 * the mapped types and no constraints (the raw layer holds data as it came; dbt tests check it). Everything
 * happens in one transaction, so a failure leaves the database as it was.
 */
final class PostgresDataLoader implements DataLoader {

    private static final ErrorCode TABLE_EXISTS = new ErrorCode("PG-RAW-TABLE-EXISTS", ErrorKind.USER, false);
    private static final ErrorCode ROWS_NOT_YET = new ErrorCode("PG-LOAD-ROWS-UNAVAILABLE", ErrorKind.USER, false);
    private static final ErrorCode CONNECT_FAILED = new ErrorCode("PG-CONNECT-FAILED", ErrorKind.EXTERNAL, true);
    private static final ErrorCode DDL_FAILED = new ErrorCode("PG-DDL-FAILED", ErrorKind.EXTERNAL, false);

    private final PostgresTargetDialect dialect;
    private final String user;
    private final String password;
    private final PluginContext context;

    PostgresDataLoader(PostgresTargetDialect dialect, String user, String password, PluginContext context) {
        this.dialect = dialect;
        this.user = user;
        this.password = password;
        this.context = context;
    }

    @Override
    public LoadResult load(LoadRequest request) {
        if (!request.schemaOnly()) {
            throw new DataMigrateException(ROWS_NOT_YET,
                    "loading rows is not available yet; use --schema-only to create the raw tables");
        }
        List<Table> tables = selectTables(request);
        List<Diagnostic> diagnostics = new ArrayList<>();
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "datamigrate");
        try (Connection connection = connect(request.targetUrl(), properties)) {
            connection.setAutoCommit(false);
            try {
                List<LoadedTable> loaded = createTables(connection, request, tables, diagnostics);
                connection.commit();
                return new LoadResult(loaded, diagnostics);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataMigrateException(DDL_FAILED, "could not create the raw tables on "
                    + context.maskSecrets(request.targetUrl()) + ": " + context.maskSecrets(String.valueOf(e.getMessage())), e);
        }
    }

    private Connection connect(String url, Properties properties) {
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new DataMigrateException(CONNECT_FAILED, "could not connect to " + context.maskSecrets(url)
                    + " as " + user + ": " + context.maskSecrets(String.valueOf(e.getMessage())), e);
        }
    }

    private static List<Table> selectTables(LoadRequest request) {
        List<Table> all = request.database().tables().toList();
        if (request.tables().isEmpty()) {
            return all;
        }
        List<Table> selected = new ArrayList<>();
        for (ObjectName wanted : request.tables()) {
            selected.add(all.stream().filter(t -> t.name().matches(wanted)).findFirst()
                    .orElseThrow(() -> new DataMigrateException(ErrorCode.INPUT_NOT_FOUND, "no table " + wanted
                            + " in the input; tables: " + String.join(", ", all.stream()
                            .map(t -> t.name().toString()).toList()))));
        }
        return selected;
    }

    private List<LoadedTable> createTables(Connection connection, LoadRequest request, List<Table> tables,
                                           List<Diagnostic> diagnostics) throws SQLException {
        Set<String> schemas = new LinkedHashSet<>();
        tables.forEach(t -> schemas.add(RawLayout.schemaFor(request.rawSchema(), t.name().schema())));
        try (Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("create schema if not exists " + dialect.quoteIdentifier(schema));
            }
        }
        List<LoadedTable> loaded = new ArrayList<>();
        for (Table table : tables) {
            String schema = RawLayout.schemaFor(request.rawSchema(), table.name().schema());
            String name = table.name().name();
            if (exists(connection, schema, name)) {
                if (!request.replace()) {
                    throw new DataMigrateException(TABLE_EXISTS, "raw table " + schema + "." + name
                            + " exists already; use --replace to drop and re-create it");
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("drop table " + qualified(schema, name) + " cascade");
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(createTable(schema, table, diagnostics));
            }
            loaded.add(new LoadedTable(table.name(), schema, name, table.columns().size(), 0));
        }
        return loaded;
    }

    String createTable(String schema, Table table, List<Diagnostic> diagnostics) {
        StringBuilder sql = new StringBuilder("create table ").append(qualified(schema, table.name().name()))
                .append(" (");
        String separator = "\n    ";
        for (Column column : table.columns()) {
            TypeMapping mapping = dialect.mapType(column.type());
            if (!mapping.exact()) {
                diagnostics.add(Diagnostic.warning("PG-LOSSY-TYPE", column.location(), "column " + column.name()
                        + " " + column.type().sql() + " becomes " + mapping.targetType() + ": "
                        + mapping.note().orElse("")).withObject(table.name().toString()));
            }
            sql.append(separator).append(dialect.quoteIdentifier(column.name())).append(' ')
                    .append(mapping.targetType());
            separator = ",\n    ";
        }
        return sql.append("\n)").toString();
    }

    private String qualified(String schema, String name) {
        return dialect.quoteIdentifier(schema) + "." + dialect.quoteIdentifier(name);
    }

    private static boolean exists(Connection connection, String schema, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from information_schema.tables where table_schema = ? and table_name = ?")) {
            query.setString(1, schema);
            query.setString(2, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
