package ai.datamigrate.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code .datamigrate/manifest.json}: which files of an output folder DataMigrate wrote, with the SHA-256 of
 * what it wrote. A later run compares the files on disk with it to tell the user's edits from its own output.
 *
 * @param producedBy one line saying what wrote the folder (tool version, input name, plugins)
 * @param files      relative path to SHA-256 (hex) of the content DataMigrate generated
 */
public record ProjectManifest(String producedBy, SortedMap<String, String> files) {

    public static final String PATH = ".datamigrate/manifest.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public ProjectManifest {
        files = new TreeMap<>(files);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static String sha256(String content) {
        return sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", 1);
        root.put("producedBy", producedBy);
        ObjectNode hashes = root.putObject("files");
        files.forEach(hashes::put);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest could not be written", e);
        }
    }

    /** The manifest of a folder, when it has a readable one; a damaged manifest counts as none. */
    public static Optional<ProjectManifest> read(Path folder) {
        Path file = folder.resolve(PATH);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            SortedMap<String, String> files = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("files").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                files.put(entry.getKey(), entry.getValue().asText());
            }
            return Optional.of(new ProjectManifest(root.path("producedBy").asText(), files));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
