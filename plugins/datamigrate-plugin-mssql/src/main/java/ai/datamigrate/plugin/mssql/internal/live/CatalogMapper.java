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
import ai.datamigrate.spi.catalog.AliasType;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.CheckConstraint;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ForeignKey;
import ai.datamigrate.spi.catalog.Function;
import ai.datamigrate.spi.catalog.FunctionKind;
import ai.datamigrate.spi.catalog.Identity;
import ai.datamigrate.spi.catalog.Index;
import ai.datamigrate.spi.catalog.IndexColumn;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Parameter;
import ai.datamigrate.spi.catalog.PrimaryKey;
import ai.datamigrate.spi.catalog.Procedure;
import ai.datamigrate.spi.catalog.ReferentialAction;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.Sequence;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.Trigger;
import ai.datamigrate.spi.catalog.UniqueConstraint;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.source.SourceReadResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns the rows of a live server's catalog views into the SPI catalog. Pure: no JDBC, no clock, no environment,
 * so its tests run on captured rows.
 *
 * <p>Objects are listed by name (case-insensitive) within their schema: a server has no definition order, and
 * its object ids depend on the database's history, so name order is what keeps two reads of equal databases equal.
 * Every object is located at {@code <url>#<schema.name>}, line 1, column 1: the start of its module text.
 * Dependencies are left to the T-SQL front end, which can read them from the module text.
 */
final class CatalogMapper {

    private static final int SYSTEM_TIME_PERIOD_TEMPORAL = 2;
    private static final int HISTORY_TABLE = 1;
    private static final int FIRST_USER_SCHEMA_ID = 5;
    private static final int FIRST_ROLE_SCHEMA_ID = 16384;

    private record ColumnKey(int objectId, int columnId) {
    }

    private record DescriptionKey(int classId, int majorId, int minorId) {
    }

    /** The objects of one schema while they are collected. */
    private static final class Contents {
        final List<Table> tables = new ArrayList<>();
        final List<View> views = new ArrayList<>();
        final List<Procedure> procedures = new ArrayList<>();
        final List<Function> functions = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        final List<Sequence> sequences = new ArrayList<>();
        final List<AliasType> aliasTypes = new ArrayList<>();

        boolean isEmpty() {
            return tables.isEmpty() && views.isEmpty() && procedures.isEmpty() && functions.isEmpty()
                    && triggers.isEmpty() && sequences.isEmpty() && aliasTypes.isEmpty();
        }
    }

    private final CatalogRows rows;
    private final String url;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<Integer, String> schemaNames = new HashMap<>();
    private final Map<DescriptionKey, String> descriptions = new HashMap<>();
    /** Schema name to its objects. */
    private final Map<String, Contents> contents = new HashMap<>();

    private CatalogMapper(CatalogRows rows, String url) {
        this.rows = rows;
        this.url = url;
    }

    /**
     * @param url the server URL without credentials, used in every source location
     */
    static SourceReadResult map(CatalogRows rows, String url) {
        return new CatalogMapper(rows, url).map();
    }

    private SourceReadResult map() {
        rows.schemas().forEach(s -> schemaNames.put(s.schemaId(), s.name()));
        for (DescriptionRow d : rows.descriptions()) {
            if (d.value() != null) {
                descriptions.put(new DescriptionKey(d.classId(), d.majorId(), d.minorId()), d.value());
            }
        }
        rows.types().forEach(this::aliasType);
        tables();
        rows.views().forEach(this::view);
        Map<Integer, List<ParameterRow>> parameters = group(rows.parameters(), ParameterRow::objectId,
                Comparator.comparingInt(ParameterRow::parameterId));
        rows.procedures().forEach(p -> procedure(p, parameters.getOrDefault(p.objectId(), List.of())));
        rows.functions().forEach(f -> function(f, parameters.getOrDefault(f.objectId(), List.of())));
        Map<Integer, List<TriggerEventRow>> events = group(rows.triggerEvents(), TriggerEventRow::objectId,
                Comparator.comparingInt(TriggerEventRow::type));
        rows.triggers().forEach(t -> trigger(t, events.getOrDefault(t.objectId(), List.of())));
        rows.sequences().forEach(this::sequence);
        rows.otherObjects().forEach(this::otherObject);

        List<Schema> schemas = new ArrayList<>();
        rows.schemas().stream().sorted(Comparator.comparing(SchemaRow::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(SchemaRow::name)).forEach(s -> {
                    Contents c = contents.getOrDefault(s.name(), new Contents());
                    boolean userSchema = s.schemaId() == 1
                            || s.schemaId() >= FIRST_USER_SCHEMA_ID && s.schemaId() < FIRST_ROLE_SCHEMA_ID;
                    if (userSchema || !c.isEmpty()) {
                        schemas.add(new Schema(s.name(), sorted(c.tables), sorted(c.views), sorted(c.procedures),
                                sorted(c.functions), sorted(c.triggers), sorted(c.sequences), sorted(c.aliasTypes),
                                description(3, s.schemaId(), 0)));
                    }
                });
        Database database = new Database(rows.databaseName(), schemas, description(0, 0, 0), List.of());
        return new SourceReadResult(database, diagnostics.stream().sorted().toList());
    }

    // ---------------------------------------------------------------- types

    private void aliasType(TypeRow row) {
        Optional<ObjectName> name = objectName(row.schemaId(), row.name(), "type");
        if (name.isEmpty()) {
            return;
        }
        if (row.assemblyType() || row.baseName() == null) {
            report(Severity.WARNING, LiveCodes.UNMAPPED_TYPE, name.get(), "CLR type " + name.get()
                    + " is not read; columns of this type keep only its name");
            return;
        }
        contents(name.get()).aliasTypes.add(new AliasType(name.get(),
                baseType(row.baseName(), row.maxLength(), row.precision(), row.scale()), row.nullable(),
                description(6, row.userTypeId(), 0), "", location(name.get())));
    }

    /** The type of a column, parameter or sequence; an alias type resolves to its base type and keeps its name. */
    static DataType dataType(SqlType type) {
        if (!type.userDefined()) {
            return baseType(type.name(), type.maxLength(), type.precision(), type.scale());
        }
        ObjectName alias = new ObjectName(type.schema(), type.name());
        if (type.baseName() == null) {
            return DataType.of(type.name()).withAlias(alias); // a CLR or table type: there is no base type
        }
        return baseType(type.baseName(), type.maxLength(), type.precision(), type.scale()).withAlias(alias);
    }

    /** A system type with the sizes {@code sys.columns} reports, spelled as a script would declare it. */
    static DataType baseType(String name, int maxLength, int precision, int scale) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "char", "varchar", "binary", "varbinary" ->
                    maxLength == -1 ? DataType.withMaxLength(lower) : DataType.withLength(lower, maxLength);
            // sizes are bytes; a national character takes two
            case "nchar", "nvarchar" ->
                    maxLength == -1 ? DataType.withMaxLength(lower) : DataType.withLength(lower, maxLength / 2);
            case "decimal", "numeric" -> DataType.withPrecision(lower, precision, scale);
            // fractional seconds: 7 is the default and is not written
            case "datetime2", "time", "datetimeoffset" -> scale == 7 ? DataType.of(lower)
                    : new DataType(lower, OptionalInt.empty(), OptionalInt.of(scale), OptionalInt.empty(), false,
                            Optional.empty());
            default -> DataType.of(lower);
        };
    }

    // ---------------------------------------------------------------- tables

    private void tables() {
        Map<Integer, ObjectName> tableNames = new HashMap<>();
        Map<Integer, Integer> historyOf = new HashMap<>();
        for (TableRow t : rows.tables()) {
            objectName(t.schemaId(), t.name(), "table").ifPresent(n -> tableNames.put(t.objectId(), n));
            if (t.temporalType() == SYSTEM_TIME_PERIOD_TEMPORAL && t.historyTableId() != 0) {
                historyOf.put(t.historyTableId(), t.objectId());
            }
        }
        Map<Integer, List<ColumnRow>> columns = group(rows.columns(), ColumnRow::objectId,
                Comparator.comparingInt(ColumnRow::columnId));
        Map<ColumnKey, IdentityRow> identities = index(rows.identities(),
                r -> new ColumnKey(r.objectId(), r.columnId()));
        Map<ColumnKey, DefaultRow> defaults = index(rows.defaults(), r -> new ColumnKey(r.objectId(), r.columnId()));
        Map<ColumnKey, ComputedRow> computed = index(rows.computedColumns(),
                r -> new ColumnKey(r.objectId(), r.columnId()));
        Map<Integer, PeriodRow> periods = index(rows.periods(), PeriodRow::objectId);
        Map<Integer, List<KeyColumnRow>> keys = group(rows.keyColumns(), KeyColumnRow::objectId,
                Comparator.comparing(KeyColumnRow::name).thenComparingInt(KeyColumnRow::keyOrdinal));
        Map<Integer, List<ForeignKeyColumnRow>> foreignKeys = group(rows.foreignKeyColumns(),
                ForeignKeyColumnRow::objectId, Comparator.comparing(ForeignKeyColumnRow::name)
                        .thenComparingInt(ForeignKeyColumnRow::ordinal));
        Map<Integer, List<CheckRow>> checks = group(rows.checks(), CheckRow::objectId,
                Comparator.comparing(CheckRow::name));
        Map<Integer, List<IndexColumnRow>> indexes = group(rows.indexColumns(), IndexColumnRow::objectId,
                Comparator.comparing(IndexColumnRow::name).thenComparingInt(IndexColumnRow::indexId)
                        .thenComparingInt(IndexColumnRow::indexColumnId));

        for (TableRow t : rows.tables()) {
            ObjectName name = tableNames.get(t.objectId());
            if (name == null) {
                continue;
            }
            SourceLocation location = location(name);
            if (t.external()) {
                report(Severity.WARNING, LiveCodes.UNMAPPED_OBJECT, name,
                        "external table " + name + " is not read: its data lives outside the database");
                continue;
            }
            Map<String, String> properties = new LinkedHashMap<>();
            List<Column> tableColumns = new ArrayList<>();
            for (ColumnRow c : columns.getOrDefault(t.objectId(), List.of())) {
                ColumnKey key = new ColumnKey(c.objectId(), c.columnId());
                tableColumns.add(column(name, c, identities.get(key), defaults.get(key), computed.get(key),
                        location));
                generatedAlways(c.generatedAlwaysType())
                        .ifPresent(text -> properties.put("generated " + c.name(), text));
            }
            PeriodRow period = periods.get(t.objectId());
            if (period != null) {
                properties.put("period", "PERIOD FOR SYSTEM_TIME (" + quote(period.startColumn()) + ", "
                        + quote(period.endColumn()) + ")");
            }
            if (t.temporalType() == SYSTEM_TIME_PERIOD_TEMPORAL) {
                properties.put("temporal_type", "SYSTEM_VERSIONED_TEMPORAL_TABLE");
                Optional.ofNullable(tableNames.get(t.historyTableId()))
                        .ifPresent(h -> properties.put("history_table", quote(h)));
            } else if (t.temporalType() == HISTORY_TABLE) {
                properties.put("temporal_type", "HISTORY_TABLE");
                Optional.ofNullable(historyOf.get(t.objectId())).map(tableNames::get)
                        .ifPresent(h -> properties.put("history_of", quote(h)));
            }
            if (t.memoryOptimized()) {
                properties.put("memory_optimized", "ON");
            }
            if ("PS".equals(t.dataSpaceType())) {
                properties.put("partition_scheme", t.dataSpaceName());
            } else if ("FG".equals(t.dataSpaceType()) && !"PRIMARY".equalsIgnoreCase(t.dataSpaceName())) {
                properties.put("filegroup", t.dataSpaceName()); // a script states it only when not the default
            }
            List<KeyColumnRow> tableKeys = keys.getOrDefault(t.objectId(), List.of());
            Optional<PrimaryKey> primaryKey = byName(tableKeys.stream().filter(k -> "PK".equals(k.type())).toList(),
                    KeyColumnRow::name).values().stream().findFirst().map(k -> new PrimaryKey(
                            constraintName(k.get(0).name(), k.get(0).systemNamed()),
                            k.stream().map(KeyColumnRow::column).toList(), k.get(0).clustered(), location));
            List<UniqueConstraint> uniques = byName(tableKeys.stream().filter(k -> "UQ".equals(k.type())).toList(),
                    KeyColumnRow::name).values().stream().map(k -> new UniqueConstraint(
                            constraintName(k.get(0).name(), k.get(0).systemNamed()),
                            k.stream().map(KeyColumnRow::column).toList(), k.get(0).clustered(), location)).toList();
            List<ForeignKey> tableForeignKeys = byName(foreignKeys.getOrDefault(t.objectId(), List.of()),
                    r -> r.name() + "\u0000" + r.constraintId()).values().stream()
                    .map(fk -> foreignKey(name, fk, location)).toList();
            List<CheckConstraint> tableChecks = checks.getOrDefault(t.objectId(), List.of()).stream()
                    .map(c -> new CheckConstraint(constraintName(c.name(), c.systemNamed()),
                            stripOuterParentheses(c.definition()), Optional.ofNullable(c.column()),
                            !c.disabled() && !c.notTrusted(), location)).toList();
            List<Index> tableIndexes = byName(indexes.getOrDefault(t.objectId(), List.of()),
                    r -> r.name() + "\u0000" + r.indexId()).values().stream()
                    .map(i -> index(name, i, location)).toList();
            contents(name).tables.add(new Table(name, tableColumns, primaryKey, uniques, tableForeignKeys,
                    tableChecks, tableIndexes, properties, description(1, t.objectId(), 0), "", location));
        }
    }

    private Column column(ObjectName table, ColumnRow c, IdentityRow identityRow, DefaultRow defaultRow,
                          ComputedRow computedRow, SourceLocation location) {
        Optional<Identity> identity = Optional.empty();
        if (c.identity()) {
            if (identityRow != null && identityRow.seed() != null && identityRow.increment() != null) {
                identity = Optional.of(new Identity(identityRow.seed(), identityRow.increment()));
            } else {
                report(Severity.WARNING, LiveCodes.VALUE_OUT_OF_RANGE, table, "the IDENTITY seed or increment of "
                        + table + "." + c.name() + " is outside the bigint range and is not read");
            }
        }
        if (c.type().userDefined() && c.type().baseName() == null) {
            report(Severity.WARNING, LiveCodes.UNMAPPED_TYPE, table, "column " + table + "." + c.name()
                    + " has the CLR type " + c.type().schema() + "." + c.type().name()
                    + ", which has no SQL base type");
        }
        return new Column(c.name(), dataType(c.type()), c.nullable(), identity,
                Optional.ofNullable(defaultRow).map(d -> stripOuterParentheses(d.definition())),
                Optional.ofNullable(computedRow).map(d -> stripOuterParentheses(d.definition())),
                computedRow != null && computedRow.persisted(),
                Optional.ofNullable(c.collation()).filter(x -> !x.equals(rows.databaseCollation())), c.rowGuid(),
                description(1, c.objectId(), c.columnId()), location);
    }

    /** {@code sys.columns.generated_always_type} as the clause that declares it. */
    private static Optional<String> generatedAlways(int type) {
        return Optional.ofNullable(switch (type) {
            case 1 -> "GENERATED ALWAYS AS ROW START";
            case 2 -> "GENERATED ALWAYS AS ROW END";
            case 5 -> "GENERATED ALWAYS AS TRANSACTION_ID START";
            case 6 -> "GENERATED ALWAYS AS TRANSACTION_ID END";
            case 7 -> "GENERATED ALWAYS AS SEQUENCE_NUMBER START";
            case 8 -> "GENERATED ALWAYS AS SEQUENCE_NUMBER END";
            default -> null;
        });
    }

    private ForeignKey foreignKey(ObjectName table, List<ForeignKeyColumnRow> columns, SourceLocation location) {
        ForeignKeyColumnRow first = columns.get(0);
        return new ForeignKey(constraintName(first.name(), first.systemNamed()),
                columns.stream().map(ForeignKeyColumnRow::column).toList(),
                new ObjectName(first.referencedSchema(), first.referencedTable()),
                columns.stream().map(ForeignKeyColumnRow::referencedColumn).toList(),
                action(table, first.name(), first.deleteAction()), action(table, first.name(), first.updateAction()),
                !first.disabled() && !first.notTrusted(), location);
    }

    private ReferentialAction action(ObjectName table, String constraint, int code) {
        return switch (code) {
            case 0 -> ReferentialAction.NO_ACTION;
            case 1 -> ReferentialAction.CASCADE;
            case 2 -> ReferentialAction.SET_NULL;
            case 3 -> ReferentialAction.SET_DEFAULT;
            default -> {
                report(Severity.WARNING, LiveCodes.APPROXIMATED, table, "foreign key " + constraint
                        + " has the unknown referential action " + code + "; read as NO ACTION");
                yield ReferentialAction.NO_ACTION;
            }
        };
    }

    private Index index(ObjectName table, List<IndexColumnRow> columns, SourceLocation location) {
        IndexColumnRow first = columns.get(0);
        String kind = switch (first.type()) {
            case 3 -> "xml";
            case 4 -> "spatial";
            case 5, 6 -> "columnstore";
            default -> "rowstore";
        };
        if (first.type() == 7) {
            report(Severity.INFO, LiveCodes.APPROXIMATED, table, "hash index " + first.name() + " on " + table
                    + " is read as a rowstore index");
        }
        List<IndexColumnRow> named = columns.stream().filter(c -> c.column() != null).toList();
        List<IndexColumn> keys;
        List<String> included;
        if (kind.equals("columnstore")) {
            // a columnstore index has no key order: every column it stores is listed
            keys = named.stream().map(c -> new IndexColumn(c.column(), false)).toList();
            included = List.of();
        } else {
            keys = named.stream().filter(c -> !c.included() && c.keyOrdinal() > 0)
                    .sorted(Comparator.comparingInt(IndexColumnRow::keyOrdinal))
                    .map(c -> new IndexColumn(c.column(), c.descending())).toList();
            included = named.stream().filter(IndexColumnRow::included).map(IndexColumnRow::column).toList();
        }
        return new Index(first.name(), keys, included, first.unique(), first.type() == 1 || first.type() == 5,
                kind, Optional.ofNullable(first.filter()).map(CatalogMapper::stripOuterParentheses), location);
    }

    // ---------------------------------------------------------------- modules

    private void view(ModuleRow row) {
        objectName(row.schemaId(), row.name(), "view").ifPresent(name -> contents(name).views.add(
                new View(name, List.of(), row.schemaBound(), description(1, row.objectId(), 0),
                        definition(row.definition(), "view", name), location(name))));
    }

    private void procedure(ModuleRow row, List<ParameterRow> parameters) {
        Optional<ObjectName> name = objectName(row.schemaId(), row.name(), "procedure");
        if (name.isEmpty()) {
            return;
        }
        if (!"P".equals(row.type())) {
            unmapped(name.get(), row.type());
            return;
        }
        contents(name.get()).procedures.add(new Procedure(name.get(), parameters(parameters),
                description(1, row.objectId(), 0), definition(row.definition(), "procedure", name.get()),
                location(name.get())));
    }

    private void function(ModuleRow row, List<ParameterRow> parameters) {
        Optional<ObjectName> name = objectName(row.schemaId(), row.name(), "function");
        if (name.isEmpty()) {
            return;
        }
        FunctionKind kind = switch (row.type()) {
            case "FN" -> FunctionKind.SCALAR;
            case "IF" -> FunctionKind.INLINE_TABLE_VALUED;
            case "TF" -> FunctionKind.MULTI_STATEMENT_TABLE_VALUED;
            default -> null;
        };
        if (kind == null) {
            unmapped(name.get(), row.type());
            return;
        }
        Optional<DataType> returnType = kind == FunctionKind.SCALAR
                ? parameters.stream().filter(p -> p.parameterId() == 0).findFirst().map(p -> dataType(p.type()))
                : Optional.empty();
        contents(name.get()).functions.add(new Function(name.get(), kind, parameters(parameters), returnType,
                description(1, row.objectId(), 0), definition(row.definition(), "function", name.get()),
                location(name.get())));
    }

    /** Declared parameters, without a scalar function's return value (parameter 0). */
    private static List<Parameter> parameters(List<ParameterRow> rows) {
        // Defaults are not in sys.parameters for T-SQL modules; the front end reads them from the module text.
        return rows.stream().filter(p -> p.parameterId() > 0)
                .map(p -> new Parameter(p.name(), dataType(p.type()), Optional.empty(), p.output(), p.readOnly()))
                .toList();
    }

    private void trigger(TriggerRow row, List<TriggerEventRow> events) {
        Optional<ObjectName> name;
        Optional<ObjectName> table;
        if (row.parentClass() == 1) {
            name = objectName(row.schemaId(), row.name(), "trigger");
            table = Optional.ofNullable(row.parentName()).map(p -> new ObjectName(row.parentSchema(), p));
        } else {
            // A database (DDL) trigger belongs to no schema; the script reader files it under dbo too.
            name = Optional.of(new ObjectName(defaultSchema(), row.name()));
            table = Optional.empty();
        }
        if (name.isEmpty()) {
            return;
        }
        if (!"TR".equals(row.type())) {
            unmapped(name.get(), row.type());
            return;
        }
        if (row.disabled()) {
            report(Severity.INFO, LiveCodes.DISABLED, name.get(), "trigger " + name.get()
                    + " is disabled on the server");
        }
        // An event group (DDL_DATABASE_LEVEL_EVENTS) is listed once, as the trigger declares it.
        List<String> eventNames = new ArrayList<>(events.stream()
                .map(e -> e.eventGroup() != null ? e.eventGroup() : e.event())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        contents(name.get()).triggers.add(new Trigger(name.get(), table, row.insteadOf() ? "INSTEAD OF" : "AFTER",
                eventNames, description(1, row.objectId(), 0), definition(row.definition(), "trigger", name.get()),
                location(name.get())));
    }

    private String defaultSchema() {
        return rows.schemas().stream().filter(s -> s.schemaId() == 1).map(SchemaRow::name).findFirst()
                .orElse("dbo");
    }

    private String definition(String text, String kind, ObjectName name) {
        if (text == null) {
            report(Severity.WARNING, LiveCodes.UNREADABLE_DEFINITION, name, "the server does not show the definition"
                    + " of " + kind + " " + name + " (WITH ENCRYPTION, or no VIEW DEFINITION permission)");
            return "";
        }
        return text;
    }

    // ---------------------------------------------------------------- the rest

    private void sequence(SequenceRow row) {
        objectName(row.schemaId(), row.name(), "sequence").ifPresent(name -> {
            if (row.start() == null || row.increment() == null || row.minimum() == null || row.maximum() == null) {
                report(Severity.INFO, LiveCodes.VALUE_OUT_OF_RANGE, name, "values of sequence " + name
                        + " outside the bigint range are not read");
            }
            contents(name).sequences.add(new Sequence(name, dataType(row.type()), optional(row.start()),
                    optional(row.increment()), optional(row.minimum()), optional(row.maximum()), row.cycling(),
                    description(1, row.objectId(), 0), "", location(name)));
        });
    }

    private void otherObject(ObjectRow row) {
        objectName(row.schemaId(), row.name(), "object").ifPresent(name -> unmapped(name, row.type()));
    }

    private void unmapped(ObjectName name, String type) {
        String what = switch (type) {
            case "PC" -> "CLR procedure";
            case "X" -> "extended procedure";
            case "RF" -> "replication-filter procedure";
            case "FS" -> "CLR scalar function";
            case "FT" -> "CLR table-valued function";
            case "AF" -> "CLR aggregate function";
            case "TA" -> "CLR trigger";
            case "SN" -> "synonym";
            case "TT" -> "table type";
            case "SQ" -> "service queue";
            default -> "object of type " + type;
        };
        report(Severity.WARNING, LiveCodes.UNMAPPED_OBJECT, name, what + " " + name
                + " is not read: the catalog has no place for it");
    }

    // ---------------------------------------------------------------- helpers

    private Optional<ObjectName> objectName(int schemaId, String name, String kind) {
        String schema = schemaNames.get(schemaId);
        if (schema == null) {
            diagnostics.add(new Diagnostic(Severity.WARNING, LiveCodes.UNMAPPED_OBJECT, Optional.of(name),
                    SourceLocation.unknown(url), kind + " " + name + " is in schema " + schemaId
                            + ", which the server did not list; skipped"));
            return Optional.empty();
        }
        return Optional.of(new ObjectName(schema, name));
    }

    private Contents contents(ObjectName name) {
        return contents.computeIfAbsent(name.schema(), s -> new Contents());
    }

    private Optional<String> description(int classId, int majorId, int minorId) {
        return Optional.ofNullable(descriptions.get(new DescriptionKey(classId, majorId, minorId)));
    }

    private SourceLocation location(ObjectName name) {
        return new SourceLocation(url + "#" + name, 1, 1);
    }

    private void report(Severity severity, String code, ObjectName object, String message) {
        diagnostics.add(new Diagnostic(severity, code, Optional.of(object.toString()), location(object), message));
    }

    private static Optional<String> constraintName(String name, boolean systemNamed) {
        // PK__Orders__C3905BAF... is the server's invention, not the author's: treat it as unnamed, as a script would
        return systemNamed ? Optional.empty() : Optional.of(name);
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static String quote(String identifier) {
        return "[" + identifier.replace("]", "]]") + "]";
    }

    private static String quote(ObjectName name) {
        return quote(name.schema()) + "." + quote(name.name());
    }

    private static <T extends CatalogObject> List<T> sorted(List<T> objects) {
        return objects.stream().sorted(Comparator.comparing(CatalogObject::name)).toList();
    }

    private static <T> Map<Integer, List<T>> group(List<T> rows, java.util.function.Function<T, Integer> key,
                                                   Comparator<T> order) {
        return rows.stream().sorted(order).collect(Collectors.groupingBy(key, LinkedHashMap::new,
                Collectors.toList()));
    }

    private static <K, T> Map<K, T> index(List<T> rows, java.util.function.Function<T, K> key) {
        return rows.stream().collect(Collectors.toMap(key, java.util.function.Function.identity(), (a, b) -> a));
    }

    /** Groups rows that are already in order by a name, the groups in name order. */
    private static <T> Map<String, List<T>> byName(List<T> rows, java.util.function.Function<T, String> name) {
        return rows.stream().collect(Collectors.groupingBy(name, TreeMap::new, Collectors.toList()));
    }

    /**
     * Removes the parentheses SQL Server wraps around stored expressions: {@code ((0))} is {@code 0},
     * {@code ([a]>(0) AND [b]<(1))} is {@code [a]>(0) AND [b]<(1)}, but {@code (a)+(b)} stays as it is.
     */
    static String stripOuterParentheses(String text) {
        String s = text.strip();
        while (s.length() >= 2 && s.charAt(0) == '(' && closingParenthesis(s) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** The index of the parenthesis closing the one at 0, skipping strings and quoted names; -1 when none. */
    private static int closingParenthesis(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '[') {
                char close = ch == '[' ? ']' : ch;
                i++;
                while (i < s.length() && !(s.charAt(i) == close
                        && (i + 1 >= s.length() || s.charAt(i + 1) != close))) {
                    i += s.charAt(i) == close ? 2 : 1; // a doubled quote is an escaped one
                }
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
