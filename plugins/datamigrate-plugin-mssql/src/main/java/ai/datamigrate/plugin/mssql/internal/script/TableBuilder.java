package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.spi.catalog.CheckConstraint;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.ForeignKey;
import ai.datamigrate.spi.catalog.Identity;
import ai.datamigrate.spi.catalog.Index;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.PrimaryKey;
import ai.datamigrate.spi.catalog.ReferentialAction;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A table while the script is being read: later statements add constraints, defaults and descriptions. */
final class TableBuilder {

    final ObjectName name;
    final SourceLocation location;
    final List<ColumnBuilder> columns = new ArrayList<>();
    PrimaryKey primaryKey;
    final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
    final List<ForeignKeyBuilder> foreignKeys = new ArrayList<>();
    final List<CheckBuilder> checks = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final Map<String, String> properties = new LinkedHashMap<>();
    String description;
    String definition = "";

    TableBuilder(ObjectName name, SourceLocation location) {
        this.name = name;
        this.location = location;
    }

    Optional<ColumnBuilder> column(String columnName) {
        return columns.stream().filter(c -> c.name.equalsIgnoreCase(columnName)).findFirst();
    }

    /** The column's name as declared, or as written when the table has no such column. */
    String columnSpelling(String columnName) {
        return column(columnName).map(c -> c.name).orElse(columnName);
    }

    void primaryKey(PrimaryKey key) {
        primaryKey = key;
        // SQL Server makes primary key columns NOT NULL unless the declaration said otherwise.
        for (String column : key.columns()) {
            column(column).ifPresent(c -> c.inPrimaryKey = true);
        }
    }

    /** Sets {@code enforced} on the named foreign key or check; false when there is none of that name. */
    boolean enforce(String constraintName, boolean enforced) {
        boolean found = false;
        for (ForeignKeyBuilder fk : foreignKeys) {
            if (fk.name.filter(constraintName::equalsIgnoreCase).isPresent()) {
                fk.enforced = enforced;
                found = true;
            }
        }
        for (CheckBuilder check : checks) {
            if (check.name.filter(constraintName::equalsIgnoreCase).isPresent()) {
                check.enforced = enforced;
                found = true;
            }
        }
        return found;
    }

    void enforceAll(boolean enforced) {
        foreignKeys.forEach(fk -> fk.enforced = enforced);
        checks.forEach(c -> c.enforced = enforced);
    }

    Table build(Function<ObjectName, Optional<TableBuilder>> tables) {
        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKeyBuilder fk : foreignKeys) {
            Optional<TableBuilder> target = tables.apply(fk.referencedTable);
            ObjectName referenced = target.map(t -> t.name).orElse(fk.referencedTable);
            List<String> referencedColumns = fk.referencedColumns;
            if (referencedColumns.isEmpty() && target.isPresent() && target.get().primaryKey != null) {
                referencedColumns = target.get().primaryKey.columns(); // REFERENCES t means t's primary key
            } else if (target.isPresent()) {
                referencedColumns = referencedColumns.stream().map(target.get()::columnSpelling).toList();
            }
            fks.add(new ForeignKey(fk.name, fk.columns.stream().map(this::columnSpelling).toList(), referenced,
                    referencedColumns, fk.onDelete, fk.onUpdate, fk.enforced, fk.location));
        }
        List<CheckConstraint> checkConstraints = checks.stream()
                .map(c -> new CheckConstraint(c.name, c.expression, c.column, c.enforced, c.location)).toList();
        return new Table(name, columns.stream().map(ColumnBuilder::build).toList(), Optional.ofNullable(primaryKey),
                uniqueConstraints, fks, checkConstraints, indexes, properties, Optional.ofNullable(description),
                definition, location);
    }

    String key() {
        return key(name);
    }

    static String key(ObjectName name) {
        return name.schema().toLowerCase(Locale.ROOT) + "." + name.name().toLowerCase(Locale.ROOT);
    }

    /** A column while its table is being read. */
    static final class ColumnBuilder {
        final String name;
        final SourceLocation location;
        DataType type = DataType.of("sql_variant");
        /** NULL or NOT NULL as declared; null when the declaration said neither. */
        Boolean declaredNullable;
        /** The alias type's nullability, when the column uses an alias type. */
        Boolean aliasNullable;
        boolean inPrimaryKey;
        Identity identity;
        String defaultExpression;
        String computedExpression;
        boolean persisted;
        String collation;
        boolean rowGuid;
        String description;

        ColumnBuilder(String name, SourceLocation location) {
            this.name = name;
            this.location = location;
        }

        boolean nullable() {
            if (declaredNullable != null) {
                return declaredNullable;
            }
            if (inPrimaryKey || identity != null) {
                return false;
            }
            return aliasNullable == null || aliasNullable;
        }

        Column build() {
            return new Column(name, type, nullable(), Optional.ofNullable(identity),
                    Optional.ofNullable(defaultExpression), Optional.ofNullable(computedExpression), persisted,
                    Optional.ofNullable(collation), rowGuid, Optional.ofNullable(description), location);
        }
    }

    /** A foreign key; the referenced table may be created later in the script. */
    static final class ForeignKeyBuilder {
        Optional<String> name = Optional.empty();
        List<String> columns = List.of();
        ObjectName referencedTable;
        List<String> referencedColumns = List.of();
        ReferentialAction onDelete = ReferentialAction.NO_ACTION;
        ReferentialAction onUpdate = ReferentialAction.NO_ACTION;
        boolean enforced = true;
        SourceLocation location;
    }

    /** A check constraint; {@code NOCHECK CONSTRAINT} may disable it later. */
    static final class CheckBuilder {
        Optional<String> name = Optional.empty();
        String expression;
        Optional<String> column = Optional.empty();
        boolean enforced = true;
        SourceLocation location;
    }
}
