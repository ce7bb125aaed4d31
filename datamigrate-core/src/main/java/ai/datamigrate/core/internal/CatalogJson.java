package ai.datamigrate.core.internal;

import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog as JSON, for {@code inspect --json}: stable key order, absent values left out. */
public final class CatalogJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CatalogJson() {
    }

    public static String toJson(Database database, List<Diagnostic> diagnostics) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("database", database);
        document.put("diagnostics", diagnostics.stream().map(d -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("code", d.code());
            d.object().ifPresent(o -> entry.put("object", o));
            entry.put("location", d.location().toString());
            entry.put("message", d.message());
            return entry;
        }).toList());
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog could not be written as JSON", e);
        }
    }
}
