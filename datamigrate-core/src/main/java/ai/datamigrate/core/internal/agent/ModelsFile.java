package ai.datamigrate.core.internal.agent;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.output.ModelReference;
import ai.datamigrate.spi.output.ObjectOutcome;
import ai.datamigrate.spi.output.TranslatedModel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code .datamigrate/models.json} in a generated project: every translated model as generated (its SQL with
 * relation placeholders, what each placeholder stands for, its source object and location, the file it went to),
 * so that {@code datamigrate validate} can execute the project's models on a target without dbt.
 *
 * @param target the target dialect the project was generated for
 */
public record ModelsFile(String target, List<Entry> models) {

    public static final String PATH = ".datamigrate/models.json";
    static final ErrorCode NOT_A_PROJECT = new ErrorCode("DM-VALIDATE-NOT-A-PROJECT", ai.datamigrate.spi.ErrorKind.USER,
            false);
    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * @param model    what the output target named it
     * @param file     the generated file that holds it, relative to the project
     * @param location where the source object is defined, {@code file:line:col}
     */
    public record Entry(ObjectName object, String kind, String model, String file, String location,
                        TranslatedModel translation) {
    }

    public ModelsFile {
        models = List.copyOf(models);
    }

    public static ModelsFile of(String target, List<TranslatedModel> models, List<ObjectOutcome> outcomes,
                                java.util.function.Function<ObjectName, String> location) {
        List<Entry> entries = new ArrayList<>();
        Map<List<Object>, ObjectOutcome> placed = new HashMap<>(); // the first outcome with a model per object, kind
        for (ObjectOutcome o : outcomes) {
            if (o.model().isPresent()) {
                placed.putIfAbsent(List.of(o.object(), o.kind()), o);
            }
        }
        for (TranslatedModel m : models) {
            Optional<ObjectOutcome> outcome = Optional.ofNullable(placed.get(List.of(m.object(), m.kind())));
            if (outcome.isEmpty()) {
                continue; // the output target did not place it
            }
            String file = outcome.get().files().stream().filter(f -> f.endsWith(".sql")).findFirst()
                    .orElse(outcome.get().files().isEmpty() ? "" : outcome.get().files().get(0));
            entries.add(new Entry(m.object(), m.kind(), outcome.get().model().get(), file, location.apply(m.object()),
                    m));
        }
        return new ModelsFile(target, entries);
    }

    public String json() {
        try {
            return MAPPER.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("models could not be written as JSON", e);
        }
    }

    public static ModelsFile read(Path project) {
        Path file = project.resolve(PATH);
        if (!Files.isRegularFile(file)) {
            throw new DataMigrateException(NOT_A_PROJECT, project + " is not a project written by 'datamigrate "
                    + "migrate' (no " + PATH + ")");
        }
        try {
            return MAPPER.readValue(file.toFile(), ModelsFile.class);
        } catch (IOException e) {
            throw new DataMigrateException(NOT_A_PROJECT, "cannot read " + file + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The relations of an entry's model, for a caller that wants to check them. */
    static List<ObjectName> reads(Entry entry) {
        return entry.translation().references().stream().map(ModelReference::target).toList();
    }
}
