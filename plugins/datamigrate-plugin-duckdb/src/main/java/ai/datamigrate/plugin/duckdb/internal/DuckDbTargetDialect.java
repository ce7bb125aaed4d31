package ai.datamigrate.plugin.duckdb.internal;

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

/**
 * DuckDB as the target of generated code. Types are written the way DuckDB names them itself ({@code typeof()},
 * {@code information_schema}), e.g. {@code float} for single precision and {@code timestamp with time zone}, so that
 * dbt-duckdb's contract check compares equal names.
 */
public final class DuckDbTargetDialect implements TargetDialect, CalciteRendering {

    /** Names written unquoted (before the keyword check); like the postgres target's, so projects read the same. */
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /** DuckDB 1.5's {@code duckdb_keywords()} of category {@code reserved} and {@code type_function}. */
    static final Set<String> RESERVED_WORDS = Set.of(
            "all", "analyse", "analyze", "and", "anti", "any", "array", "as", "asc", "asof", "asymmetric", "at",
            "authorization", "binary", "both", "by", "case", "cast", "check", "collate", "collation", "column",
            "columns", "concurrently", "constraint", "create", "cross", "default", "deferrable", "desc", "describe",
            "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full",
            "generated", "glob", "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is",
            "isnull", "join", "lambda", "lateral", "leading", "left", "like", "limit", "map", "natural", "not",
            "notnull", "null", "offset", "on", "only", "or", "order", "outer", "overlaps", "pivot", "pivot_longer",
            "pivot_wider", "placing", "positional", "primary", "qualify", "references", "returning", "right", "select",
            "semi", "show", "similar", "some", "struct", "summarize", "symmetric", "table", "tablesample", "then", "to",
            "trailing", "true", "try_cast", "union", "unique", "unpack", "unpivot", "using", "variadic", "verbose",
            "when", "where", "window", "with");

    /** DuckDB's timestamp and time keep microseconds; SQL Server keeps 100 ns. */
    private static final int MAX_FRACTIONAL_DIGITS = 6;

    /**
     * dbt-duckdb needs only the database file, the one {@code datamigrate load --target-url jdbc:duckdb:FILE} wrote.
     * Models are built in schema {@code analytics} as on PostgreSQL; the raw tables are in the schemas the loader
     * created in the same file.
     */
    private static final ConnectionProfile CONNECTION_PROFILE = new ConnectionProfile("duckdb", "dbt-duckdb",
            List.of(
                    new ProfileField("path", "DATAMIGRATE_DUCKDB_PATH", Optional.of("warehouse.duckdb"), false, false),
                    new ProfileField("schema", "DATAMIGRATE_DUCKDB_SCHEMA", Optional.of("analytics"), false, false)));

    @Override
    public String name() {
        return DuckDbTargetDialectFactory.NAME;
    }

    @Override
    public String displayName() {
        return "DuckDB";
    }

    @Override
    public TypeMapping mapType(DataType type) {
        return switch (type.name()) {
            case "bit" -> TypeMapping.exact("boolean");
            // smallint rather than utinyint: SQL Server computes tinyint arithmetic in int, DuckDB in the operand type
            case "tinyint", "smallint" -> TypeMapping.exact("smallint");
            case "int", "integer" -> TypeMapping.exact("integer");
            case "bigint" -> TypeMapping.exact("bigint");
            // DuckDB's decimal has SQL Server's range: precision up to 38
            case "decimal", "numeric", "dec" -> TypeMapping.exact(
                    "decimal(" + type.precision().orElse(18) + "," + type.scale().orElse(0) + ")");
            // money is decimal(38,4), not (19,4): SQL Server keeps money through arithmetic and sums (money * int is
            // money), DuckDB widens decimals to precision 38 there, and dbt-duckdb's contracts compare precisions. With
            // 38 the translated views' columns have the types their contracts declare. Range is a superset.
            case "money" -> TypeMapping.exact("decimal(38,4)");
            case "smallmoney" -> TypeMapping.exact("decimal(10,4)");
            case "float" -> mapFloat(type);
            case "real" -> TypeMapping.exact("float");
            case "date" -> TypeMapping.exact("date");
            case "time" -> fractional("time", SqlServerTypes.fractionalDigits(type));
            // microseconds hold datetime's 1/300 s ticks and smalldatetime's minutes exactly
            case "datetime", "smalldatetime" -> TypeMapping.exact("timestamp");
            case "datetime2" -> fractional("timestamp", SqlServerTypes.fractionalDigits(type));
            case "datetimeoffset" -> TypeMapping.lossy("timestamp with time zone", "datetimeoffset is stored as"
                    + " timestamp with time zone: the instant is kept but the original UTC offset is normalised to UTC"
                    + (SqlServerTypes.fractionalDigits(type) > MAX_FRACTIONAL_DIGITS
                    ? "; fractional seconds beyond 6 digits are rounded" : ""));
            // DuckDB has one string type (char(n) and varchar(n) are varchar; lengths are not enforced). SQL Server
            // compares char values ignoring trailing blanks; the loader stores them as the source sent them.
            case "char", "nchar", "character", "varchar", "nvarchar", "text", "ntext", "sysname" ->
                    TypeMapping.exact("varchar");
            case "binary", "varbinary", "image", "rowversion", "timestamp" -> TypeMapping.exact("blob");
            case "uniqueidentifier" -> TypeMapping.exact("uuid");
            case "xml" -> TypeMapping.lossy("varchar", "xml is kept as text; DuckDB has no xml type or XQuery");
            case "sql_variant" -> TypeMapping.lossy("varchar",
                    "sql_variant values are kept as text; their base type is lost");
            case "hierarchyid" -> TypeMapping.lossy("varchar",
                    "hierarchyid is kept as text (its ToString() path); hierarchy methods are not available");
            case "geography", "geometry" -> TypeMapping.lossy("varchar", type.name()
                    + " is kept as text (well-known text); DuckDB's spatial extension can read it with ST_GeomFromText");
            default -> TypeMapping.lossy("varchar", "unknown SQL Server type " + type.sql() + "; kept as text");
        };
    }

    private static TypeMapping mapFloat(DataType type) {
        if (SqlServerTypes.singlePrecision(type)) {
            return TypeMapping.exact("float");
        }
        return TypeMapping.exact("double");
    }

    /** DuckDB's time and timestamp have no precision parameter: always microseconds. */
    private static TypeMapping fractional(String targetName, int digits) {
        if (digits > MAX_FRACTIONAL_DIGITS) {
            return TypeMapping.lossy(targetName, "fractional seconds precision " + digits
                    + " exceeds DuckDB's microseconds; values are rounded to 6 digits");
        }
        return TypeMapping.exact(targetName);
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return SqlServerTypes.doubleQuoted(identifier);
    }

    @Override
    public boolean requiresQuoting(String identifier) {
        return !PLAIN_IDENTIFIER.matcher(identifier).matches() || RESERVED_WORDS.contains(identifier);
    }

    /**
     * DuckDB has no identifier limit; 63 (PostgreSQL's) keeps model and column names the same as in the project
     * generated for PostgreSQL, so one dbt project's names do not depend on where it runs.
     */
    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    /**
     * DuckDB has {@code ~} but no {@code ~*}: {@code regexp_full_match} with the {@code 'i'} option. Patterns from
     * LIKE are anchored, so full and partial matching agree. Parenthesised when negated, so that it stays one operand.
     */
    @Override
    public String regexMatch(String subject, String pattern, boolean caseInsensitive, boolean negated) {
        String match = "regexp_full_match(" + subject + ", " + pattern + (caseInsensitive ? ", 'i')" : ")");
        return negated ? "(not " + match + ")" : match;
    }

    @Override
    public org.apache.calcite.sql.SqlDialect calciteDialect() {
        return new DuckDbCalciteDialect(this);
    }

    @Override
    public ConnectionProfile connectionProfile() {
        return CONNECTION_PROFILE;
    }
}
