package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.sql.CalciteRendering;
import ai.datamigrate.spi.target.ConnectionProfile;
import ai.datamigrate.spi.target.ProfileField;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TypeMapping;
import ai.datamigrate.support.target.SqlServerTypes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** PostgreSQL as the target of generated code: how SQL Server types map, how identifiers are written. */
public final class PostgresTargetDialect implements TargetDialect, CalciteRendering {

    /** Names PostgreSQL folds to themselves and accepts unquoted (before the keyword check). */
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

    /**
     * The "reserved" and "reserved (can be function or type)" key words of PostgreSQL's Appendix C: these cannot
     * be column or table names unquoted. Non-reserved key words are fine unquoted and are left out on purpose.
     */
    static final Set<String> RESERVED_WORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
            "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
            "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user",
            "using", "variadic", "when", "where", "window", "with",
            // reserved (can be function or type)
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
            "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
            "right", "similar", "tablesample", "verbose");

    /** PostgreSQL keeps fractional seconds to microseconds; SQL Server to 100 ns. */
    private static final int MAX_FRACTIONAL_DIGITS = 6;

    private static final ConnectionProfile CONNECTION_PROFILE = new ConnectionProfile("postgres", "dbt-postgres",
            List.of(
                    new ProfileField("host", "DATAMIGRATE_PG_HOST", Optional.of("localhost"), false, false),
                    new ProfileField("port", "DATAMIGRATE_PG_PORT", Optional.of("5432"), false, true),
                    new ProfileField("user", "DATAMIGRATE_PG_USER", Optional.of("postgres"), false, false),
                    new ProfileField("password", "DATAMIGRATE_PG_PASSWORD", Optional.empty(), true, false),
                    new ProfileField("dbname", "DATAMIGRATE_PG_DATABASE", Optional.of("postgres"), false, false),
                    new ProfileField("schema", "DATAMIGRATE_PG_SCHEMA", Optional.of("analytics"), false, false)));

    @Override
    public String name() {
        return PostgresTargetDialectFactory.NAME;
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public TypeMapping mapType(DataType type) {
        return switch (type.name()) {
            case "bit" -> TypeMapping.exact("boolean");
            // 0..255 fits smallint; PostgreSQL has no one-byte integer.
            case "tinyint", "smallint" -> TypeMapping.exact("smallint");
            case "int", "integer" -> TypeMapping.exact("integer");
            case "bigint" -> TypeMapping.exact("bigint");
            case "decimal", "numeric", "dec" -> TypeMapping.exact(
                    "numeric(" + type.precision().orElse(18) + "," + type.scale().orElse(0) + ")");
            case "money" -> TypeMapping.exact("numeric(19,4)");
            case "smallmoney" -> TypeMapping.exact("numeric(10,4)");
            case "float" -> mapFloat(type);
            case "real" -> TypeMapping.exact("real");
            case "date" -> TypeMapping.exact("date");
            case "time" -> fractional("time", SqlServerTypes.fractionalDigits(type));
            // datetime ticks are 1/300 s, rounded to .000/.003/.007: milliseconds hold them all.
            case "datetime" -> TypeMapping.exact("timestamp(3)");
            case "datetime2" -> fractional("timestamp", SqlServerTypes.fractionalDigits(type));
            case "smalldatetime" -> TypeMapping.exact("timestamp(0)");
            case "datetimeoffset" -> mapDateTimeOffset(type);
            case "char", "nchar", "character" -> TypeMapping.exact("char(" + type.length().orElse(1) + ")");
            case "varchar", "nvarchar" -> type.max() ? TypeMapping.exact("text")
                    : TypeMapping.exact("varchar(" + type.length().orElse(1) + ")");
            case "text", "ntext" -> TypeMapping.exact("text");
            case "binary", "varbinary", "image", "rowversion", "timestamp" -> TypeMapping.exact("bytea");
            case "uniqueidentifier" -> TypeMapping.exact("uuid");
            case "xml" -> TypeMapping.exact("xml");
            case "sysname" -> TypeMapping.exact("varchar(128)");
            case "sql_variant" -> TypeMapping.lossy("text",
                    "sql_variant values are kept as text; their base type is lost");
            case "hierarchyid" -> TypeMapping.lossy("text",
                    "hierarchyid is kept as text (its ToString() path); hierarchy methods are not available");
            case "geography", "geometry" -> TypeMapping.lossy("text", type.name()
                    + " is kept as text (well-known text); use PostGIS for spatial types and functions");
            default -> TypeMapping.lossy("text", "unknown SQL Server type " + type.sql() + "; kept as text");
        };
    }

    private static TypeMapping mapFloat(DataType type) {
        if (SqlServerTypes.singlePrecision(type)) {
            return TypeMapping.exact("real");
        }
        return TypeMapping.exact("double precision");
    }

    private static TypeMapping mapDateTimeOffset(DataType type) {
        String note = "datetimeoffset is stored as timestamptz: the instant is kept but the original UTC offset is"
                + " normalised to UTC";
        if (SqlServerTypes.fractionalDigits(type) > MAX_FRACTIONAL_DIGITS) {
            note += "; fractional seconds beyond 6 digits are rounded";
        }
        return TypeMapping.lossy("timestamptz", note);
    }

    private static TypeMapping fractional(String targetName, int digits) {
        if (digits > MAX_FRACTIONAL_DIGITS) {
            return TypeMapping.lossy(targetName + "(" + MAX_FRACTIONAL_DIGITS + ")", "fractional seconds precision "
                    + digits + " exceeds PostgreSQL's maximum of 6; values are rounded to microseconds");
        }
        return TypeMapping.exact(targetName + "(" + digits + ")");
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return SqlServerTypes.doubleQuoted(identifier);
    }

    @Override
    public boolean requiresQuoting(String identifier) {
        return !PLAIN_IDENTIFIER.matcher(identifier).matches() || RESERVED_WORDS.contains(identifier);
    }

    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public org.apache.calcite.sql.SqlDialect calciteDialect() {
        return new PostgresCalciteDialect(this);
    }

    @Override
    public ConnectionProfile connectionProfile() {
        return CONNECTION_PROFILE;
    }
}
