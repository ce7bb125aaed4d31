package ai.datamigrate.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** The published JSON Schema of the report, {@code docs/migration-report.schema.json}, as a validator. */
final class ReportSchema {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportSchema() {
    }

    static Path file() {
        String fromEnv = System.getenv("DATAMIGRATE_REPO_ROOT");
        if (fromEnv != null && Files.isRegularFile(Path.of(fromEnv, "docs/migration-report.schema.json"))) {
            return Path.of(fromEnv, "docs/migration-report.schema.json");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/migration-report.schema.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/migration-report.schema.json not found from " + Path.of("").toAbsolutePath());
    }

    static JsonNode schemaJson() {
        try {
            return MAPPER.readTree(file().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about a report, one per line; empty when it is valid. */
    static String problems(String reportJson) {
        try {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson());
            Set<ValidationMessage> messages = schema.validate(MAPPER.readTree(reportJson));
            return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
