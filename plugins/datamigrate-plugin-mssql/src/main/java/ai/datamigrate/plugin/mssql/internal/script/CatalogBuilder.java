package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.spi.catalog.AliasType;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Function;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Procedure;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.Sequence;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.Trigger;
import ai.datamigrate.spi.catalog.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog while a script is being read. Names are looked up case-insensitively, as SQL Server does under
 * its default collations, and keep the spelling of their definition.
 */
final class CatalogBuilder {

    private final Map<String, SchemaBuilder> schemas = new LinkedHashMap<>();
    private final Map<String, TableBuilder> tables = new HashMap<>();
    private String description;

    /** Registers a schema (in order of first appearance) and returns it. */
    SchemaBuilder schema(String name) {
        return schemas.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new SchemaBuilder(name));
    }

    Optional<TableBuilder> table(ObjectName name) {
        return Optional.ofNullable(tables.get(TableBuilder.key(name)));
    }

    /** Adds a table; returns the one it replaces (a script may create a table twice), if any. */
    Optional<TableBuilder> addTable(TableBuilder table) {
        SchemaBuilder schema = schema(table.name.schema());
        TableBuilder previous = tables.put(table.key(), table);
        if (previous != null) {
            schema.tables.remove(previous);
        }
        schema.tables.add(table);
        return Optional.ofNullable(previous);
    }

    /** Adds a view, routine, trigger, sequence or alias type, replacing one of the same kind and name. */
    Optional<CatalogObject> addObject(CatalogObject object) {
        Map<String, CatalogObject> objects = schema(object.name().schema()).objects;
        String key = SchemaBuilder.key(object);
        // a later definition of the same kind and name replaces the earlier one and takes its place at the end
        CatalogObject existing = objects.remove(key);
        objects.put(key, object);
        return Optional.ofNullable(existing);
    }

    Optional<AliasType> aliasType(Optional<String> schema, String name) {
        List<SchemaBuilder> candidates = new ArrayList<>();
        if (schema.isPresent()) {
            Optional.ofNullable(schemas.get(schema.get().toLowerCase(Locale.ROOT))).ifPresent(candidates::add);
        } else {
            Optional.ofNullable(schemas.get("dbo")).ifPresent(candidates::add);
            candidates.addAll(schemas.values());
        }
        for (SchemaBuilder s : candidates) {
            for (CatalogObject o : s.objects.values()) {
                if (o instanceof AliasType alias && alias.name().name().equalsIgnoreCase(name)) {
                    return Optional.of(alias);
                }
            }
        }
        return Optional.empty();
    }

    /** Sets the description of a non-table object; false when there is none of that name. */
    boolean describeObject(ObjectName name, String text) {
        SchemaBuilder schema = schemas.get(name.schema().toLowerCase(Locale.ROOT));
        if (schema == null) {
            return false;
        }
        for (Map.Entry<String, CatalogObject> entry : schema.objects.entrySet()) {
            if (entry.getValue().name().matches(name)) {
                entry.setValue(withDescription(entry.getValue(), text));
                return true;
            }
        }
        return false;
    }

    boolean describeSchema(String name, String text) {
        SchemaBuilder schema = schemas.get(name.toLowerCase(Locale.ROOT));
        if (schema == null) {
            return false;
        }
        schema.description = text;
        return true;
    }

    void describeDatabase(String text) {
        description = text;
    }

    Database build(String databaseName) {
        List<Schema> built = new ArrayList<>();
        SchemaBuilder dbo = schemas.get("dbo");
        if (dbo != null) {
            built.add(dbo.build(this));
        }
        for (SchemaBuilder s : schemas.values()) {
            if (s != dbo) {
                built.add(s.build(this));
            }
        }
        return new Database(databaseName, built, Optional.ofNullable(description));
    }

    private static CatalogObject withDescription(CatalogObject o, String text) {
        Optional<String> d = Optional.of(text);
        if (o instanceof View v) {
            return new View(v.name(), v.columnNames(), v.schemaBound(), d, v.definition(), v.location());
        } else if (o instanceof Procedure p) {
            return new Procedure(p.name(), p.parameters(), d, p.definition(), p.location());
        } else if (o instanceof Function f) {
            return new Function(f.name(), f.functionKind(), f.parameters(), f.returnType(), d, f.definition(),
                    f.location());
        } else if (o instanceof Trigger t) {
            return new Trigger(t.name(), t.table(), t.timing(), t.events(), d, t.definition(), t.location());
        } else if (o instanceof Sequence s) {
            return new Sequence(s.name(), s.type(), s.start(), s.increment(), s.minValue(), s.maxValue(), s.cycle(),
                    d, s.definition(), s.location());
        } else if (o instanceof AliasType a) {
            return new AliasType(a.name(), a.baseType(), a.nullable(), d, a.definition(), a.location());
        }
        return o; // tables are described through their builder
    }

    /** One schema's objects in definition order. */
    static final class SchemaBuilder {
        final String name;
        final List<TableBuilder> tables = new ArrayList<>();
        /** By {@link #key}: kind and name, compared as {@link ObjectName#matches} does. */
        final Map<String, CatalogObject> objects = new LinkedHashMap<>();
        String description;

        SchemaBuilder(String name) {
            this.name = name;
        }

        /** Kind and name folded as {@link String#equalsIgnoreCase} compares (upper, then lower case per char). */
        static String key(CatalogObject o) {
            String name = o.name().name();
            StringBuilder key = new StringBuilder(o.kind().length() + 1 + name.length()).append(o.kind()).append('\0');
            for (int i = 0; i < name.length(); i++) {
                key.append(Character.toLowerCase(Character.toUpperCase(name.charAt(i))));
            }
            return key.toString();
        }

        Schema build(CatalogBuilder catalog) {
            List<Table> builtTables = tables.stream().map(t -> t.build(catalog::table)).toList();
            List<View> views = new ArrayList<>();
            List<Procedure> procedures = new ArrayList<>();
            List<Function> functions = new ArrayList<>();
            List<Trigger> triggers = new ArrayList<>();
            List<Sequence> sequences = new ArrayList<>();
            List<AliasType> aliasTypes = new ArrayList<>();
            for (CatalogObject o : objects.values()) {
                if (o instanceof View v) {
                    views.add(v);
                } else if (o instanceof Procedure p) {
                    procedures.add(p);
                } else if (o instanceof Function f) {
                    functions.add(f);
                } else if (o instanceof Trigger t) {
                    triggers.add(t);
                } else if (o instanceof Sequence s) {
                    sequences.add(s);
                } else if (o instanceof AliasType a) {
                    aliasTypes.add(a);
                }
            }
            return new Schema(name, builtTables, views, procedures, functions, triggers, sequences, aliasTypes,
                    Optional.ofNullable(description));
        }
    }
}
