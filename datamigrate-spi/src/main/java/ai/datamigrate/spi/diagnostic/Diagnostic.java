package ai.datamigrate.spi.diagnostic;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a plugin wants the user to know about one object or statement: never an exception, always reported.
 *
 * @param severity how bad it is
 * @param code     a stable code such as {@code MSSQL-UNSUPPORTED-STATEMENT}
 * @param object   the object concerned, e.g. {@code dbo.Orders}, when there is one
 * @param location where in the input
 * @param message  one human sentence
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Diagnostic(Severity severity, String code, Optional<String> object, SourceLocation location,
                         String message) implements Comparable<Diagnostic> {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic warning(String code, SourceLocation location, String message) {
        return new Diagnostic(Severity.WARNING, code, Optional.empty(), location, message);
    }

    public static Diagnostic error(String code, SourceLocation location, String message) {
        return new Diagnostic(Severity.ERROR, code, Optional.empty(), location, message);
    }

    public static Diagnostic info(String code, SourceLocation location, String message) {
        return new Diagnostic(Severity.INFO, code, Optional.empty(), location, message);
    }

    public Diagnostic withObject(String objectName) {
        return new Diagnostic(severity, code, Optional.of(objectName), location, message);
    }

    /** {@code file:line:col: warning CODE [object] message}, the form compilers use so editors can jump to it. */
    public String format() {
        return location + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + " " + code
                + object.map(o -> " [" + o + "]").orElse("") + " " + message;
    }

    @Override
    public int compareTo(Diagnostic other) {
        int byLocation = location.compareTo(other.location);
        return byLocation != 0 ? byLocation : format().compareTo(other.format());
    }
}
