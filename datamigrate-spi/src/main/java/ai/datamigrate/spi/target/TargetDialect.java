package ai.datamigrate.spi.target;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.DataType;

/** What generated code needs to know about the database it will run on. */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface TargetDialect {

    /** The dialect's name, e.g. {@code postgres}. */
    String name();

    /**
     * The database's name as people write it, for generated documentation, e.g. {@code PostgreSQL}; defaults to
     * {@link #name()}.
     *
     * @return the display name, never blank
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
    default String displayName() {
        return name();
    }

    /** The target type for a source column type; never fails, a lossy mapping says so. */
    TypeMapping mapType(DataType sourceType);

    /** The identifier quoted, always; embedded quote characters escaped. */
    String quoteIdentifier(String identifier);

    /** Whether the identifier must be quoted to keep its spelling: reserved words, upper case, spaces. */
    boolean requiresQuoting(String identifier);

    /** The identifier quoted only when it has to be, which is what people write by hand. */
    default String identifier(String identifier) {
        return requiresQuoting(identifier) ? quoteIdentifier(identifier) : identifier;
    }

    /** The longest identifier the target keeps without truncating it. */
    int maxIdentifierLength();

    /** A string literal in the target's syntax. */
    default String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * A condition that is true when {@code subject} matches the POSIX regular expression {@code pattern} (both already
     * SQL of this target, the pattern usually a {@link #stringLiteral}), or, when {@code negated}, does not match.
     * The default is PostgreSQL's {@code ~}, {@code ~*}, {@code !~} and {@code !~*} operators; targets without them
     * override it. Output targets use it to turn SQL Server's {@code LIKE} into anchored patterns.
     *
     * @since 0.1 (added for targets other than PostgreSQL; a default, so existing dialects are unaffected)
     */
    default String regexMatch(String subject, String pattern, boolean caseInsensitive, boolean negated) {
        return subject + " " + (negated ? "!~" : "~") + (caseInsensitive ? "*" : "") + " " + pattern;
    }

    /** How tools connect to this target. */
    ConnectionProfile connectionProfile();
}
