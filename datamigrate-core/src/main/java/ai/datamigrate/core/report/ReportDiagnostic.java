package ai.datamigrate.core.report;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.diagnostic.Severity;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A diagnostic as the report shows it.
 *
 * @param location {@code file:line:col} with the file relative to the input (never absolute)
 * @param object   the object the diagnostic names, as written by the plugin
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record ReportDiagnostic(Severity severity, String code, String message, String location,
                               Optional<String> object) {
    public ReportDiagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(object, "object");
    }

    /** {@code error}, {@code warning} or {@code info}. */
    public String severityId() {
        return severity.name().toLowerCase(Locale.ROOT);
    }
}
