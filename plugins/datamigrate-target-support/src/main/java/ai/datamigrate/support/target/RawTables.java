package ai.datamigrate.support.target;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.ErrorKind;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.RowSource;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.load.LoadRequest;
import ai.datamigrate.spi.load.LoadResult;
import ai.datamigrate.spi.load.LoadedTable;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TypeMapping;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The raw tables of a catalog on a target, as the loaders create them: one table per source table, in the source's
 * names (in the schemas of {@link RawLayout}), with the mapped types and no constraints (the raw layer holds data as
 * it came; dbt tests check it). What differs between targets is given: the dialect (names, types), the prefix of the
 * error and diagnostic codes, whether a drop cascades and whether the target matches names ignoring case.
 */
public final class RawTables {

    private final TargetDialect dialect;
    private final String codePrefix;
    private final String dropSuffix;
    private final String existsQuery;
    private final ErrorCode tableExists;
    private final ErrorCode rowsMissing;

    /**
     * @param codePrefix       of every code, e.g. {@code PG}: {@code PG-RAW-TABLE-EXISTS}, {@code PG-LOSSY-TYPE}
     * @param cascade          whether dropping a table drops what depends on it (views of an earlier dbt run)
     * @param namesIgnoreCase  whether the target matches names case-insensitively, so that a table differing only
     *                         in case exists already too
     */
    public RawTables(TargetDialect dialect, String codePrefix, boolean cascade, boolean namesIgnoreCase) {
        this.dialect = dialect;
        this.codePrefix = codePrefix;
        this.dropSuffix = cascade ? " cascade" : "";
        this.existsQuery = namesIgnoreCase
                ? "select 1 from information_schema.tables where lower(table_schema) = lower(?) and lower(table_name)"
                + " = lower(?)"
                : "select 1 from information_schema.tables where table_schema = ? and table_name = ?";
        this.tableExists = new ErrorCode(codePrefix + "-RAW-TABLE-EXISTS", ErrorKind.USER, false);
        this.rowsMissing = new ErrorCode(codePrefix + "-LOAD-ROWS-UNAVAILABLE", ErrorKind.USER, false);
    }

    /** A load of rows needs a source of rows; a user error otherwise. */
    public void requireRows(LoadRequest request) {
        if (!request.schemaOnly() && request.rows().isEmpty()) {
            throw new DataMigrateException(rowsMissing,
                    "the input offers no rows to load; use --schema-only to create the raw tables only");
        }
    }

    /** The tables the request names, in its order; all the input's tables when it names none. */
    public static List<Table> select(LoadRequest request) {
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

    /** {@code --schema-only}: creates every table (dropping existing ones with {@code replace}) in one transaction. */
    public LoadResult createOnly(Connection connection, LoadRequest request, List<Table> tables,
                                 List<Diagnostic> diagnostics) throws SQLException {
        try {
            createSchemas(connection, request.rawSchema(), tables);
            List<LoadedTable> loaded = new ArrayList<>();
            for (Table table : tables) {
                String schema = RawLayout.schemaFor(request.rawSchema(), table.name().schema());
                String name = table.name().name();
                if (exists(connection, schema, name)) {
                    if (!request.replace()) {
                        throw alreadyExists(schema, name, "");
                    }
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("drop table " + qualified(schema, name) + dropSuffix);
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute(createTable(schema, table, diagnostics));
                }
                loaded.add(new LoadedTable(table.name(), schema, name, table.columns().size(), 0));
            }
            connection.commit();
            return new LoadResult(loaded, diagnostics);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The user error for a raw table that exists already; {@code why} ends the first sentence. */
    public DataMigrateException alreadyExists(String schema, String name, String why) {
        return new DataMigrateException(tableExists, "raw table " + schema + "." + name + " exists already" + why
                + "; use --replace to drop and re-create it");
    }

    public void createSchemas(Connection connection, String rawSchema, List<Table> tables) throws SQLException {
        Set<String> schemas = new LinkedHashSet<>();
        tables.forEach(t -> schemas.add(RawLayout.schemaFor(rawSchema, t.name().schema())));
        try (Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("create schema if not exists " + dialect.quoteIdentifier(schema));
            }
        }
    }

    /** {@code create table} of the raw table; a warning for each column whose type the target cannot hold exactly. */
    public String createTable(String schema, Table table, List<Diagnostic> diagnostics) {
        StringBuilder sql = new StringBuilder("create table ").append(qualified(schema, table.name().name()))
                .append(" (");
        String separator = "\n    ";
        for (Column column : table.columns()) {
            TypeMapping mapping = dialect.mapType(column.type());
            if (!mapping.exact()) {
                diagnostics.add(Diagnostic.warning(codePrefix + "-LOSSY-TYPE", column.location(), "column "
                        + column.name() + " " + column.type().sql() + " becomes " + mapping.targetType() + ": "
                        + mapping.note().orElse("")).withObject(table.name().toString()));
            }
            sql.append(separator).append(dialect.quoteIdentifier(column.name())).append(' ')
                    .append(mapping.targetType());
            separator = ",\n    ";
        }
        return sql.append("\n)").toString();
    }

    /** {@code drop table if exists}, before a table is loaded again ({@code --replace}). */
    public String dropIfExists(String schema, String name) {
        return "drop table if exists " + qualified(schema, name) + dropSuffix;
    }

    public String qualified(String schema, String name) {
        return dialect.quoteIdentifier(schema) + "." + dialect.quoteIdentifier(name);
    }

    public boolean exists(Connection connection, String schema, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(existsQuery)) {
            query.setString(1, schema);
            query.setString(2, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * The tables the input has rows for; a warning for each of them the input does not create (their rows are not
     * loaded).
     */
    public List<ObjectName> tablesWithRows(LoadRequest request, RowSource rows, List<Diagnostic> diagnostics) {
        List<ObjectName> withRows = rows.tables();
        for (ObjectName name : withRows) {
            if (request.database().tables().noneMatch(t -> t.name().matches(name))) {
                diagnostics.add(Diagnostic.warning(codePrefix + "-LOAD-UNKNOWN-TABLE", SourceLocation.unknown(
                        request.database().name()), "the input has rows for " + name
                        + ", which it does not create; they are not loaded").withObject(name.toString()));
            }
        }
        return withRows;
    }
}
