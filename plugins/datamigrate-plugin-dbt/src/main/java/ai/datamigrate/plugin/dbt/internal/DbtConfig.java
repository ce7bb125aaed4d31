package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The dbt target's settings, bound from {@code dbt.*} keys and validated.
 *
 * @param naming      how column names are written in the staging models
 * @param projectName the dbt project name; derived from the database name when empty
 * @param profileName the dbt profile name; the project name when empty
 * @param rawSchema   the PostgreSQL schema (prefix) the loader puts the raw tables in
 * @param stagingMaterialization how staging models are built; constraints are declared only for tables, the
 *                    one materialization on which PostgreSQL can enforce them
 * @param referenceTables how translated models (marts, intermediate) read tables: through the staging models
 *                    ({@code ref}) or straight from the raw tables ({@code source})
 */
public record DbtConfig(Naming naming, Optional<String> projectName, Optional<String> profileName,
                        String rawSchema, Materialization stagingMaterialization, ReferenceTables referenceTables) {

    public static final String NAMING = "dbt.naming";
    public static final String PROJECT_NAME = "dbt.project-name";
    public static final String PROFILE_NAME = "dbt.profile-name";
    public static final String RAW_SCHEMA = "dbt.raw-schema";
    public static final String STAGING_MATERIALIZATION = "dbt.staging-materialization";
    public static final String REFERENCE_TABLES = "dbt.reference-tables";

    /** dbt project names, and the plain identifiers that need no quoting in schema names. */
    static final Pattern DBT_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

    static final ConfigSpec SPEC = new ConfigSpec("dbt", List.of(
            ConfigProperty.of(NAMING, "column names in staging models: snake (CustomerID -> customer_id) or"
                    + " preserve (as in SQL Server, quoted where needed)", "snake"),
            new ConfigProperty(PROJECT_NAME, "dbt project name, [a-z_][a-z0-9_]*; default: the database name"
                    + " in snake_case", Optional.empty(), false),
            new ConfigProperty(PROFILE_NAME, "dbt profile name; default: the project name", Optional.empty(),
                    false),
            ConfigProperty.of(RAW_SCHEMA, "PostgreSQL schema the raw tables are loaded into; schemas other than"
                    + " dbo go to <raw-schema>_<schema>", "raw"),
            ConfigProperty.of(STAGING_MATERIALIZATION, "staging models as view (dbt convention; contracts check"
                    + " column names and types) or table (contracts also enforce primary key, unique, not null"
                    + " and foreign key constraints in PostgreSQL)", "view"),
            ConfigProperty.of(REFERENCE_TABLES, "how translated views and procedures (marts, intermediate models)"
                    + " read tables: ref (through the staging models, typed and tested) or source (the raw tables"
                    + " as loaded)", "ref")));

    /** How staging models are materialized. */
    public enum Materialization {
        VIEW, TABLE;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How translated models read tables. */
    public enum ReferenceTables {
        REF, SOURCE;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How staging models name their columns. */
    public enum Naming {
        SNAKE, PRESERVE;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DbtConfig {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(rawSchema, "rawSchema");
        Objects.requireNonNull(stagingMaterialization, "stagingMaterialization");
        Objects.requireNonNull(referenceTables, "referenceTables");
        projectName.ifPresent(name -> check(PROJECT_NAME, name, DBT_NAME));
        profileName.ifPresent(name -> check(PROFILE_NAME, name, PROFILE));
        check(RAW_SCHEMA, rawSchema, DBT_NAME);
    }

    public static DbtConfig defaults() {
        return bind(Map.of());
    }

    /** Binds and validates {@code dbt.*} keys; unknown keys of the namespace are rejected with the known ones. */
    public static DbtConfig bind(Map<String, String> config) {
        SPEC.validate(config);
        Set<String> namings = Arrays.stream(Naming.values()).map(Naming::key).collect(Collectors.toSet());
        Naming naming = Naming.valueOf(SPEC.choice(config, NAMING, namings).toUpperCase(Locale.ROOT));
        Set<String> materializations = Arrays.stream(Materialization.values()).map(Materialization::key)
                .collect(Collectors.toSet());
        Materialization materialization = Materialization.valueOf(SPEC.choice(config, STAGING_MATERIALIZATION,
                materializations).toUpperCase(Locale.ROOT));
        Set<String> references = Arrays.stream(ReferenceTables.values()).map(ReferenceTables::key)
                .collect(Collectors.toSet());
        ReferenceTables referenceTables = ReferenceTables.valueOf(SPEC.choice(config, REFERENCE_TABLES, references)
                .toUpperCase(Locale.ROOT));
        return new DbtConfig(naming, SPEC.value(config, PROJECT_NAME), SPEC.value(config, PROFILE_NAME),
                SPEC.value(config, RAW_SCHEMA).orElseThrow(), materialization, referenceTables);
    }

    public DbtConfig withNaming(Naming newNaming) {
        return new DbtConfig(newNaming, projectName, profileName, rawSchema, stagingMaterialization,
                referenceTables);
    }

    public DbtConfig withStagingMaterialization(Materialization materialization) {
        return new DbtConfig(naming, projectName, profileName, rawSchema, materialization, referenceTables);
    }

    public DbtConfig withReferenceTables(ReferenceTables newReferenceTables) {
        return new DbtConfig(naming, projectName, profileName, rawSchema, stagingMaterialization,
                newReferenceTables);
    }

    private static void check(String key, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE, "invalid value '" + value + "' for '"
                    + key + "'; expected a name matching " + pattern.pattern());
        }
    }
}
