package ai.datamigrate.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
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
 * {@code .datamigrate/manifest.json}: which files of an output folder DataMigrate wrote, with a hash of what it wrote.
 * A later run compares the files on disk with it to tell the user's edits from its own output.
 *
 * <p>Format 2 hashes with MurmurHash3 (128 bits, Guava): the manifest only has to notice an edit, not resist an
 * attacker, and on large projects (tens of MB) SHA-256 cost a second of the run on the launcher's C1-only JVM.
 * Format 1 manifests (SHA-256) of earlier versions are still read and compared with their own hash.
 *
 * @param producedBy one line saying what wrote the folder (tool version, input name, plugins)
 * @param hash       the hash of the values: {@code murmur3_128} (written now) or {@code sha256} (format 1)
 * @param files      relative path to the hash (hex) of the content DataMigrate generated
 */
public record ProjectManifest(String producedBy, String hash, SortedMap<String, String> files) {

    public static final String PATH = ".datamigrate/manifest.json";
    static final String MURMUR3_128 = "murmur3_128";
    static final String SHA256 = "sha256";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public ProjectManifest {
        if (!hash.equals(MURMUR3_128) && !hash.equals(SHA256)) {
            throw new IllegalArgumentException("unknown manifest hash " + hash);
        }
        files = new TreeMap<>(files);
    }

    /** A manifest of this version, its values computed with {@link #digestNow}. */
    public ProjectManifest(String producedBy, SortedMap<String, String> files) {
        this(producedBy, MURMUR3_128, files);
    }

    /** The hash this version writes into manifests. */
    public static String digestNow(String content) {
        return Hashing.murmur3_128().hashString(content, StandardCharsets.UTF_8).toString();
    }

    /** The hash of bytes on disk, computed the way this manifest's values were. */
    public String digest(byte[] content) {
        return hash.equals(SHA256) ? sha256(content) : Hashing.murmur3_128().hashBytes(content).toString();
    }

    /** The hash of generated text, computed the way this manifest's values were. */
    public String digest(String content) {
        return digest(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", hash.equals(SHA256) ? 1 : 2);
        root.put("producedBy", producedBy);
        if (!hash.equals(SHA256)) {
            root.put("hash", hash);
        }
        ObjectNode hashes = root.putObject("files");
        files.forEach(hashes::put);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest could not be written", e);
        }
    }

    /** The manifest of a folder, when it has a readable one; a damaged or unknown one counts as none. */
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
            String hash = root.path("format").asInt(1) == 1 ? SHA256 : root.path("hash").asText(MURMUR3_128);
            return Optional.of(new ProjectManifest(root.path("producedBy").asText(), hash, files));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
