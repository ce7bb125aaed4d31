package ai.datamigrate.plugin.mssql.internal.live;

import java.util.List;

/**
 * Everything the live reader fetched from one database's {@code sys.*} views, as plain rows: one nested record per
 * query, one component per selected column. The JDBC layer ({@link JdbcCatalogReader}) fills it and the pure
 * {@link CatalogMapper} turns it into the catalog, so the mapping is tested on captured rows without a server.
 *
 * <p>Rows mirror SQL: a component is {@code null} exactly where the column is NULL (these records never leave
 * the package). Missing lists (e.g. omitted in a fixture) become empty.
 *
 * @param databaseName      {@code DB_NAME()}
 * @param databaseCollation {@code DATABASEPROPERTYEX(DB_NAME(), 'Collation')}; column collations equal to it are
 *                          not reported, as a script that does not say {@code COLLATE} would not report them
 */
record CatalogRows(String databaseName, String databaseCollation, List<SchemaRow> schemas, List<TypeRow> types,
                   List<TableRow> tables, List<ColumnRow> columns, List<IdentityRow> identities,
                   List<DefaultRow> defaults, List<ComputedRow> computedColumns, List<PeriodRow> periods,
                   List<KeyColumnRow> keyColumns, List<ForeignKeyColumnRow> foreignKeyColumns,
                   List<CheckRow> checks, List<IndexColumnRow> indexColumns, List<ModuleRow> views,
                   List<ModuleRow> procedures, List<ModuleRow> functions, List<ParameterRow> parameters,
                   List<TriggerRow> triggers, List<TriggerEventRow> triggerEvents, List<SequenceRow> sequences,
                   List<DescriptionRow> descriptions, List<ObjectRow> otherObjects) {

    CatalogRows {
        schemas = list(schemas);
        types = list(types);
        tables = list(tables);
        columns = list(columns);
        identities = list(identities);
        defaults = list(defaults);
        computedColumns = list(computedColumns);
        periods = list(periods);
        keyColumns = list(keyColumns);
        foreignKeyColumns = list(foreignKeyColumns);
        checks = list(checks);
        indexColumns = list(indexColumns);
        views = list(views);
        procedures = list(procedures);
        functions = list(functions);
        parameters = list(parameters);
        triggers = list(triggers);
        triggerEvents = list(triggerEvents);
        sequences = list(sequences);
        descriptions = list(descriptions);
        otherObjects = list(otherObjects);
    }

    private static <T> List<T> list(List<T> rows) {
        return rows == null ? List.of() : List.copyOf(rows);
    }

    /**
     * A type reference as {@code sys.types} describes it, with the sizes of the column or parameter using it.
     *
     * @param name        {@code t.name}, e.g. {@code nvarchar} or an alias type's name
     * @param schema      {@code SCHEMA_NAME(t.schema_id)}
     * @param userDefined {@code t.is_user_defined}
     * @param baseName    the system type of {@code system_type_id}; NULL for CLR types (hierarchyid, user CLR types)
     * @param maxLength   bytes, {@code -1} for {@code (max)}
     */
    record SqlType(String name, String schema, boolean userDefined, String baseName, int maxLength, int precision,
                   int scale) {
    }

    /** {@code sys.schemas}. */
    record SchemaRow(int schemaId, String name) {
    }

    /** {@code sys.types} where {@code is_user_defined = 1} and not a table type. */
    record TypeRow(int userTypeId, int schemaId, String name, String baseName, int maxLength, int precision,
                   int scale, boolean nullable, boolean assemblyType) {
    }

    /**
     * {@code sys.tables} with the data space of the heap or clustered index.
     *
     * @param temporalType   0 none, 1 history table, 2 system-versioned temporal table
     * @param historyTableId 0 when none
     * @param dataSpaceType  {@code FG} filegroup, {@code PS} partition scheme
     */
    record TableRow(int objectId, int schemaId, String name, int temporalType, int historyTableId,
                    boolean memoryOptimized, boolean external, String dataSpaceName, String dataSpaceType) {
    }

    /** {@code sys.columns} of user tables; {@code generatedAlwaysType} as in {@code sys.columns}. */
    record ColumnRow(int objectId, int columnId, String name, SqlType type, boolean nullable, boolean identity,
                     boolean computed, String collation, boolean rowGuid, int generatedAlwaysType) {
    }

    /** {@code sys.identity_columns}; seed and increment NULL when outside the bigint range. */
    record IdentityRow(int objectId, int columnId, Long seed, Long increment) {
    }

    /** {@code sys.default_constraints}; {@code definition} as stored, e.g. {@code ((0))}. */
    record DefaultRow(int objectId, int columnId, String name, boolean systemNamed, String definition) {
    }

    /** {@code sys.computed_columns}. */
    record ComputedRow(int objectId, int columnId, String definition, boolean persisted) {
    }

    /** {@code sys.periods} (SYSTEM_TIME) with its column names. */
    record PeriodRow(int objectId, String startColumn, String endColumn) {
    }

    /** One key column of a {@code sys.key_constraints} row ({@code type} {@code PK} or {@code UQ}). */
    record KeyColumnRow(int objectId, String name, boolean systemNamed, String type, boolean clustered,
                        int keyOrdinal, String column) {
    }

    /**
     * One column pair of a {@code sys.foreign_keys} row. Actions: 0 NO ACTION, 1 CASCADE, 2 SET NULL, 3 SET DEFAULT.
     */
    record ForeignKeyColumnRow(int constraintId, int objectId, String name, boolean systemNamed,
                               String referencedSchema, String referencedTable, int deleteAction, int updateAction,
                               boolean disabled, boolean notTrusted, int ordinal, String column,
                               String referencedColumn) {
    }

    /** {@code sys.check_constraints}; {@code column} NULL for table-level checks. */
    record CheckRow(int objectId, String name, boolean systemNamed, String definition, String column,
                    boolean disabled, boolean notTrusted) {
    }

    /**
     * One column of a {@code sys.indexes} row that backs no key constraint ({@code column} NULL when the index
     * lists none). {@code type}: 1 clustered, 2 nonclustered, 3 XML, 4 spatial, 5/6 columnstore, 7 hash.
     */
    record IndexColumnRow(int objectId, int indexId, String name, int type, boolean unique, String filter,
                          int indexColumnId, int keyOrdinal, boolean included, boolean descending,
                          String column) {
    }

    /**
     * A view, procedure or function with its {@code sys.sql_modules} text; {@code definition} NULL when the server
     * does not show it (WITH ENCRYPTION, no VIEW DEFINITION permission, CLR). {@code type} is the trimmed
     * {@code sys.objects.type}.
     */
    record ModuleRow(int objectId, int schemaId, String name, String type, String definition,
                     boolean schemaBound) {
    }

    /** {@code sys.parameters}; {@code parameterId} 0 is a scalar function's return value. */
    record ParameterRow(int objectId, int parameterId, String name, SqlType type, boolean output,
                        boolean readOnly) {
    }

    /**
     * {@code sys.triggers}: {@code parentClass} 0 database (DDL), 1 table or view (DML, with its schema and name).
     * {@code type} {@code TR} (T-SQL) or {@code TA} (CLR).
     */
    record TriggerRow(int objectId, String name, int parentClass, int schemaId, String parentSchema,
                      String parentName, String type, boolean insteadOf, boolean disabled, String definition) {
    }

    /** {@code sys.trigger_events}; {@code eventGroup} set when the trigger was declared on an event group. */
    record TriggerEventRow(int objectId, int type, String event, String eventGroup) {
    }

    /** {@code sys.sequences}; values NULL when outside the bigint range. */
    record SequenceRow(int objectId, int schemaId, String name, SqlType type, Long start, Long increment,
                       Long minimum, Long maximum, boolean cycling) {
    }

    /**
     * {@code sys.extended_properties} named {@code MS_Description}. {@code classId}: 0 database, 1 object or column
     * ({@code minorId} = column_id), 3 schema, 6 type.
     */
    record DescriptionRow(int classId, int majorId, int minorId, String value) {
    }

    /** A top-level {@code sys.objects} row of a kind the catalog has no place for (synonym, table type, queue). */
    record ObjectRow(int objectId, int schemaId, String name, String type, String typeDescription) {
    }
}
