package ai.datamigrate.core.internal.agent;

import ai.datamigrate.core.internal.AtomicOutputWriter;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.agent.ObjectState;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The run's state on disk, rewritten atomically (temporary file + rename) after every agent step and every finished
 * object, so that a run killed at any moment resumes from its last consistent state.
 *
 * @param fingerprint what the state was computed from (input, options); a resume with another refuses to start
 * @param finishedSteps ids of the agents whose step completed
 */
public record Checkpoint(String fingerprint, List<String> finishedSteps, List<ObjectState> objects,
                        List<Diagnostic> diagnostics) {

    public static final String FILE = "state.json";
    static final ErrorCode RESUME_MISMATCH = new ErrorCode("DM-RESUME-MISMATCH", ai.datamigrate.spi.ErrorKind.USER,
            false);
    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new Jdk8Module())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Checkpoint {
        finishedSteps = List.copyOf(finishedSteps);
        objects = List.copyOf(objects);
        diagnostics = List.copyOf(diagnostics);
    }

    public static Optional<Checkpoint> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), Checkpoint.class));
        } catch (IOException e) {
            throw new DataMigrateException(RESUME_MISMATCH, "the run state " + file + " cannot be read ("
                    + e.getMessage().lines().findFirst().orElse("") + "); delete it to start over");
        }
    }

    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            AtomicOutputWriter.replaceFile(dir.resolve(FILE), MAPPER.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run state could not be written as JSON", e);
        } catch (IOException e) {
            throw new DataMigrateException(ErrorCode.OUTPUT_FAILED, "cannot write the run state in " + dir + ": "
                    + e.getMessage());
        }
    }
}
