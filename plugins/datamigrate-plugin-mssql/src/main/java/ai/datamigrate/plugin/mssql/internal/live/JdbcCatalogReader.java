package ai.datamigrate.plugin.mssql.internal.live;

import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.CheckRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.ColumnRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.ComputedRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.DefaultRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.DescriptionRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.ForeignKeyColumnRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.IdentityRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.IndexColumnRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.KeyColumnRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.ModuleRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.ObjectRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.ParameterRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.PeriodRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.SchemaRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.SequenceRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.SqlType;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.TableRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.TriggerEventRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.TriggerRow;
import ai.datamigrate.plugin.mssql.internal.live.CatalogRows.TypeRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC layer of the live reader: runs fixed catalog queries against {@code sys.*} and returns their rows
 * unchanged. Every query is a constant text; the few values it filters on are bound as parameters, so nothing
 * from outside ever becomes SQL text. Needs SQL Server 2016 or later (temporal columns of {@code sys.tables}).
 */
final class JdbcCatalogReader {

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static final String DATABASE = "SELECT DB_NAME() AS database_name, "
            + "CAST(DATABASEPROPERTYEX(DB_NAME(), ?) AS nvarchar(128)) AS collation_name";

    static final String SCHEMAS = "SELECT s.schema_id, s.name FROM sys.schemas AS s ORDER BY s.schema_id";

    static final String TYPES = """
            SELECT t.user_type_id, t.schema_id, t.name, bt.name AS base_name, t.max_length, t.precision, t.scale,
                   t.is_nullable, t.is_assembly_type
            FROM sys.types AS t
            LEFT JOIN sys.types AS bt ON bt.user_type_id = t.system_type_id
            WHERE t.is_user_defined = ? AND t.is_table_type = ?
            ORDER BY t.user_type_id""";

    static final String TABLES = """
            SELECT t.object_id, t.schema_id, t.name, t.temporal_type, ISNULL(t.history_table_id, 0) AS history_table_id,
                   t.is_memory_optimized, t.is_external, ds.name AS data_space_name, ds.type AS data_space_type
            FROM sys.tables AS t
            LEFT JOIN sys.indexes AS i ON i.object_id = t.object_id AND i.index_id < ?
            LEFT JOIN sys.data_spaces AS ds ON ds.data_space_id = i.data_space_id
            WHERE t.is_ms_shipped = ?
            ORDER BY t.object_id""";

    /** A type reference: the type used, and the system type it is based on (NULL for CLR types). */
    private static final String TYPE_COLUMNS = "ty.name AS type_name, SCHEMA_NAME(ty.schema_id) AS type_schema, "
            + "ty.is_user_defined, bt.name AS base_name";

    static final String COLUMNS = """
            SELECT c.object_id, c.column_id, c.name, %s, c.max_length, c.precision, c.scale,
                   c.is_nullable, c.is_identity, c.is_computed, c.collation_name, c.is_rowguidcol, c.generated_always_type
            FROM sys.columns AS c
            JOIN sys.tables AS tb ON tb.object_id = c.object_id
            JOIN sys.types AS ty ON ty.user_type_id = c.user_type_id
            LEFT JOIN sys.types AS bt ON bt.user_type_id = c.system_type_id
            WHERE tb.is_ms_shipped = ?
            ORDER BY c.object_id, c.column_id""".formatted(TYPE_COLUMNS);

    static final String IDENTITIES = """
            SELECT ic.object_id, ic.column_id, TRY_CONVERT(bigint, ic.seed_value) AS seed,
                   TRY_CONVERT(bigint, ic.increment_value) AS increment
            FROM sys.identity_columns AS ic
            JOIN sys.tables AS tb ON tb.object_id = ic.object_id
            WHERE tb.is_ms_shipped = ?
            ORDER BY ic.object_id, ic.column_id""";

    static final String DEFAULTS = """
            SELECT dc.parent_object_id, dc.parent_column_id, dc.name, dc.is_system_named, dc.definition
            FROM sys.default_constraints AS dc
            WHERE dc.is_ms_shipped = ?
            ORDER BY dc.parent_object_id, dc.parent_column_id""";

    static final String COMPUTED_COLUMNS = """
            SELECT cc.object_id, cc.column_id, cc.definition, cc.is_persisted
            FROM sys.computed_columns AS cc
            JOIN sys.tables AS tb ON tb.object_id = cc.object_id
            WHERE tb.is_ms_shipped = ?
            ORDER BY cc.object_id, cc.column_id""";

    static final String PERIODS = """
            SELECT p.object_id, sc.name AS start_column, ec.name AS end_column
            FROM sys.periods AS p
            JOIN sys.columns AS sc ON sc.object_id = p.object_id AND sc.column_id = p.start_column_id
            JOIN sys.columns AS ec ON ec.object_id = p.object_id AND ec.column_id = p.end_column_id
            WHERE p.period_type = ?
            ORDER BY p.object_id""";

    static final String KEY_COLUMNS = """
            SELECT kc.parent_object_id, kc.name, kc.is_system_named, kc.type, i.type AS index_type, ic.key_ordinal,
                   c.name AS column_name
            FROM sys.key_constraints AS kc
            JOIN sys.indexes AS i ON i.object_id = kc.parent_object_id AND i.index_id = kc.unique_index_id
            JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE kc.is_ms_shipped = ? AND ic.key_ordinal > ?
            ORDER BY kc.parent_object_id, kc.name, ic.key_ordinal""";

    static final String FOREIGN_KEY_COLUMNS = """
            SELECT fk.object_id, fk.parent_object_id, fk.name, fk.is_system_named,
                   SCHEMA_NAME(rt.schema_id) AS referenced_schema, rt.name AS referenced_table,
                   fk.delete_referential_action, fk.update_referential_action, fk.is_disabled, fk.is_not_trusted,
                   fkc.constraint_column_id, pc.name AS column_name, rc.name AS referenced_column
            FROM sys.foreign_keys AS fk
            JOIN sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id
            JOIN sys.columns AS pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
            JOIN sys.columns AS rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
            JOIN sys.objects AS rt ON rt.object_id = fk.referenced_object_id
            WHERE fk.is_ms_shipped = ?
            ORDER BY fk.parent_object_id, fk.name, fkc.constraint_column_id""";

    static final String CHECKS = """
            SELECT cc.parent_object_id, cc.name, cc.is_system_named, cc.definition, c.name AS column_name,
                   cc.is_disabled, cc.is_not_trusted
            FROM sys.check_constraints AS cc
            LEFT JOIN sys.columns AS c ON c.object_id = cc.parent_object_id AND c.column_id = cc.parent_column_id
            WHERE cc.is_ms_shipped = ?
            ORDER BY cc.parent_object_id, cc.name""";

    static final String INDEX_COLUMNS = """
            SELECT i.object_id, i.index_id, i.name, i.type, i.is_unique, i.filter_definition,
                   ISNULL(ic.index_column_id, 0) AS index_column_id, ISNULL(ic.key_ordinal, 0) AS key_ordinal,
                   ISNULL(ic.is_included_column, 0) AS is_included_column,
                   ISNULL(ic.is_descending_key, 0) AS is_descending_key, c.name AS column_name
            FROM sys.indexes AS i
            JOIN sys.tables AS tb ON tb.object_id = i.object_id
            LEFT JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            LEFT JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE tb.is_ms_shipped = ? AND i.type > ? AND i.is_primary_key = ? AND i.is_unique_constraint = ?
                  AND i.is_hypothetical = ?
            ORDER BY i.object_id, i.index_id, ic.index_column_id""";

    private static final String MODULE_COLUMNS = "m.definition, ISNULL(m.is_schema_bound, 0) AS is_schema_bound";

    static final String VIEWS = """
            SELECT v.object_id, v.schema_id, v.name, RTRIM(v.type) AS type, %s
            FROM sys.views AS v
            LEFT JOIN sys.sql_modules AS m ON m.object_id = v.object_id
            WHERE v.is_ms_shipped = ?
            ORDER BY v.object_id""".formatted(MODULE_COLUMNS);

    static final String PROCEDURES = """
            SELECT p.object_id, p.schema_id, p.name, RTRIM(p.type) AS type, %s
            FROM sys.procedures AS p
            LEFT JOIN sys.sql_modules AS m ON m.object_id = p.object_id
            WHERE p.is_ms_shipped = ?
            ORDER BY p.object_id""".formatted(MODULE_COLUMNS);

    /** Scalar, inline and multi-statement functions (FN, IF, TF) and the CLR kinds, reported as unmapped. */
    static final String FUNCTIONS = """
            SELECT o.object_id, o.schema_id, o.name, RTRIM(o.type) AS type, %s
            FROM sys.objects AS o
            LEFT JOIN sys.sql_modules AS m ON m.object_id = o.object_id
            WHERE o.is_ms_shipped = ? AND o.type IN (?, ?, ?, ?, ?, ?)
            ORDER BY o.object_id""".formatted(MODULE_COLUMNS);

    static final String PARAMETERS = """
            SELECT p.object_id, p.parameter_id, p.name, %s, p.max_length, p.precision, p.scale, p.is_output,
                   p.is_readonly
            FROM sys.parameters AS p
            JOIN sys.objects AS o ON o.object_id = p.object_id
            JOIN sys.types AS ty ON ty.user_type_id = p.user_type_id
            LEFT JOIN sys.types AS bt ON bt.user_type_id = p.system_type_id
            WHERE o.is_ms_shipped = ?
            ORDER BY p.object_id, p.parameter_id""".formatted(TYPE_COLUMNS);

    /** DML triggers (in sys.objects, with a schema) and database DDL triggers (not in sys.objects). */
    static final String TRIGGERS = """
            SELECT tr.object_id, tr.name, tr.parent_class, ISNULL(o.schema_id, 0) AS schema_id,
                   SCHEMA_NAME(po.schema_id) AS parent_schema, po.name AS parent_name, RTRIM(tr.type) AS type,
                   tr.is_instead_of_trigger, tr.is_disabled, m.definition
            FROM sys.triggers AS tr
            LEFT JOIN sys.objects AS o ON o.object_id = tr.object_id
            LEFT JOIN sys.objects AS po ON po.object_id = tr.parent_id AND tr.parent_class = ?
            LEFT JOIN sys.sql_modules AS m ON m.object_id = tr.object_id
            WHERE tr.is_ms_shipped = ? AND tr.parent_class IN (?, ?)
            ORDER BY tr.object_id""";

    static final String TRIGGER_EVENTS = """
            SELECT te.object_id, te.type, te.type_desc, te.event_group_type_desc
            FROM sys.trigger_events AS te
            JOIN sys.triggers AS tr ON tr.object_id = te.object_id
            WHERE tr.is_ms_shipped = ?
            ORDER BY te.object_id, te.type""";

    static final String SEQUENCES = """
            SELECT s.object_id, s.schema_id, s.name, %s, ty.max_length, s.precision, s.scale,
                   TRY_CONVERT(bigint, s.start_value) AS start_value, TRY_CONVERT(bigint, s.increment) AS increment,
                   TRY_CONVERT(bigint, s.minimum_value) AS minimum_value,
                   TRY_CONVERT(bigint, s.maximum_value) AS maximum_value, s.is_cycling
            FROM sys.sequences AS s
            JOIN sys.types AS ty ON ty.user_type_id = s.user_type_id
            LEFT JOIN sys.types AS bt ON bt.user_type_id = s.system_type_id
            WHERE s.is_ms_shipped = ?
            ORDER BY s.object_id""".formatted(TYPE_COLUMNS);

    static final String DESCRIPTIONS = """
            SELECT ep.class, ep.major_id, ep.minor_id, CAST(ep.value AS nvarchar(max)) AS value
            FROM sys.extended_properties AS ep
            WHERE ep.name = ?
            ORDER BY ep.class, ep.major_id, ep.minor_id""";

    /** Top-level objects the queries above do not read (synonyms, table types, queues ...). */
    static final String OTHER_OBJECTS = """
            SELECT o.object_id, o.schema_id, o.name, RTRIM(o.type) AS type, o.type_desc
            FROM sys.objects AS o
            WHERE o.is_ms_shipped = ? AND o.parent_object_id = ?
                  AND o.type NOT IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ORDER BY o.object_id""";

    private static final Object[] FUNCTION_TYPES = {"FN", "IF", "TF", "FS", "FT", "AF"};
    private static final Object[] READ_TYPES = {"U", "ET", "V", "P", "PC", "X", "RF", "FN", "IF", "TF", "FS", "FT",
        "AF", "SO"};

    private final Connection connection;

    JdbcCatalogReader(Connection connection) {
        this.connection = connection;
    }

    /** Runs every catalog query; a failure names the query that failed. */
    CatalogRows read() throws SQLException {
        List<String[]> database = query("database", DATABASE, rs -> new String[] {rs.getString(1), rs.getString(2)},
                "Collation");
        return new CatalogRows(database.get(0)[0], database.get(0)[1],
                query("schemas", SCHEMAS, rs -> new SchemaRow(rs.getInt("schema_id"), rs.getString("name"))),
                query("types", TYPES, JdbcCatalogReader::typeRow, true, false),
                query("tables", TABLES, JdbcCatalogReader::tableRow, 2, false),
                query("columns", COLUMNS, JdbcCatalogReader::columnRow, false),
                query("identity columns", IDENTITIES, rs -> new IdentityRow(rs.getInt("object_id"),
                        rs.getInt("column_id"), nullableLong(rs, "seed"), nullableLong(rs, "increment")), false),
                query("default constraints", DEFAULTS, rs -> new DefaultRow(rs.getInt("parent_object_id"),
                        rs.getInt("parent_column_id"), rs.getString("name"), rs.getBoolean("is_system_named"),
                        rs.getString("definition")), false),
                query("computed columns", COMPUTED_COLUMNS, rs -> new ComputedRow(rs.getInt("object_id"),
                        rs.getInt("column_id"), rs.getString("definition"), rs.getBoolean("is_persisted")), false),
                query("periods", PERIODS, rs -> new PeriodRow(rs.getInt("object_id"), rs.getString("start_column"),
                        rs.getString("end_column")), 1),
                query("key constraints", KEY_COLUMNS, rs -> new KeyColumnRow(rs.getInt("parent_object_id"),
                        rs.getString("name"), rs.getBoolean("is_system_named"), rs.getString("type").strip(),
                        rs.getInt("index_type") == 1, rs.getInt("key_ordinal"), rs.getString("column_name")),
                        false, 0),
                query("foreign keys", FOREIGN_KEY_COLUMNS, JdbcCatalogReader::foreignKeyColumnRow, false),
                query("check constraints", CHECKS, rs -> new CheckRow(rs.getInt("parent_object_id"),
                        rs.getString("name"), rs.getBoolean("is_system_named"), rs.getString("definition"),
                        rs.getString("column_name"), rs.getBoolean("is_disabled"), rs.getBoolean("is_not_trusted")),
                        false),
                query("indexes", INDEX_COLUMNS, JdbcCatalogReader::indexColumnRow, false, 0, false, false, false),
                query("views", VIEWS, JdbcCatalogReader::moduleRow, false),
                query("procedures", PROCEDURES, JdbcCatalogReader::moduleRow, false),
                query("functions", FUNCTIONS, JdbcCatalogReader::moduleRow, concat(new Object[] {false},
                        FUNCTION_TYPES)),
                query("parameters", PARAMETERS, rs -> new ParameterRow(rs.getInt("object_id"),
                        rs.getInt("parameter_id"), rs.getString("name"), sqlType(rs), rs.getBoolean("is_output"),
                        rs.getBoolean("is_readonly")), false),
                query("triggers", TRIGGERS, JdbcCatalogReader::triggerRow, 1, false, 0, 1),
                query("trigger events", TRIGGER_EVENTS, rs -> new TriggerEventRow(rs.getInt("object_id"),
                        rs.getInt("type"), rs.getString("type_desc"), rs.getString("event_group_type_desc")), false),
                query("sequences", SEQUENCES, rs -> new SequenceRow(rs.getInt("object_id"), rs.getInt("schema_id"),
                        rs.getString("name"), sqlType(rs), nullableLong(rs, "start_value"),
                        nullableLong(rs, "increment"), nullableLong(rs, "minimum_value"),
                        nullableLong(rs, "maximum_value"), rs.getBoolean("is_cycling")), false),
                query("descriptions", DESCRIPTIONS, rs -> new DescriptionRow(rs.getInt("class"),
                        rs.getInt("major_id"), rs.getInt("minor_id"), rs.getString("value")), "MS_Description"),
                query("other objects", OTHER_OBJECTS, rs -> new ObjectRow(rs.getInt("object_id"),
                        rs.getInt("schema_id"), rs.getString("name"), rs.getString("type"),
                        rs.getString("type_desc")), concat(new Object[] {false, 0}, READ_TYPES)));
    }

    private <T> List<T> query(String name, String sql, RowReader<T> reader, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new SQLException("catalog query '" + name + "' failed: " + e.getMessage(), e.getSQLState(),
                    e.getErrorCode(), e);
        }
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = new Object[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static SqlType sqlType(ResultSet rs) throws SQLException {
        return new SqlType(rs.getString("type_name"), rs.getString("type_schema"), rs.getBoolean("is_user_defined"),
                rs.getString("base_name"), rs.getInt("max_length"), rs.getInt("precision"), rs.getInt("scale"));
    }

    private static TypeRow typeRow(ResultSet rs) throws SQLException {
        return new TypeRow(rs.getInt("user_type_id"), rs.getInt("schema_id"), rs.getString("name"),
                rs.getString("base_name"), rs.getInt("max_length"), rs.getInt("precision"), rs.getInt("scale"),
                rs.getBoolean("is_nullable"), rs.getBoolean("is_assembly_type"));
    }

    private static TableRow tableRow(ResultSet rs) throws SQLException {
        String dataSpaceType = rs.getString("data_space_type");
        return new TableRow(rs.getInt("object_id"), rs.getInt("schema_id"), rs.getString("name"),
                rs.getInt("temporal_type"), rs.getInt("history_table_id"), rs.getBoolean("is_memory_optimized"),
                rs.getBoolean("is_external"), rs.getString("data_space_name"),
                dataSpaceType == null ? null : dataSpaceType.strip());
    }

    private static ColumnRow columnRow(ResultSet rs) throws SQLException {
        return new ColumnRow(rs.getInt("object_id"), rs.getInt("column_id"), rs.getString("name"), sqlType(rs),
                rs.getBoolean("is_nullable"), rs.getBoolean("is_identity"), rs.getBoolean("is_computed"),
                rs.getString("collation_name"), rs.getBoolean("is_rowguidcol"), rs.getInt("generated_always_type"));
    }

    private static ForeignKeyColumnRow foreignKeyColumnRow(ResultSet rs) throws SQLException {
        return new ForeignKeyColumnRow(rs.getInt("object_id"), rs.getInt("parent_object_id"), rs.getString("name"),
                rs.getBoolean("is_system_named"), rs.getString("referenced_schema"),
                rs.getString("referenced_table"), rs.getInt("delete_referential_action"),
                rs.getInt("update_referential_action"), rs.getBoolean("is_disabled"),
                rs.getBoolean("is_not_trusted"), rs.getInt("constraint_column_id"), rs.getString("column_name"),
                rs.getString("referenced_column"));
    }

    private static IndexColumnRow indexColumnRow(ResultSet rs) throws SQLException {
        return new IndexColumnRow(rs.getInt("object_id"), rs.getInt("index_id"), rs.getString("name"),
                rs.getInt("type"), rs.getBoolean("is_unique"), rs.getString("filter_definition"),
                rs.getInt("index_column_id"), rs.getInt("key_ordinal"), rs.getBoolean("is_included_column"),
                rs.getBoolean("is_descending_key"), rs.getString("column_name"));
    }

    private static ModuleRow moduleRow(ResultSet rs) throws SQLException {
        return new ModuleRow(rs.getInt("object_id"), rs.getInt("schema_id"), rs.getString("name"),
                rs.getString("type"), rs.getString("definition"), rs.getBoolean("is_schema_bound"));
    }

    private static TriggerRow triggerRow(ResultSet rs) throws SQLException {
        return new TriggerRow(rs.getInt("object_id"), rs.getString("name"), rs.getInt("parent_class"),
                rs.getInt("schema_id"), rs.getString("parent_schema"), rs.getString("parent_name"),
                rs.getString("type"), rs.getBoolean("is_instead_of_trigger"), rs.getBoolean("is_disabled"),
                rs.getString("definition"));
    }
}
