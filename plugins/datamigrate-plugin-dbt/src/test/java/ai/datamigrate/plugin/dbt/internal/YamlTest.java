package ai.datamigrate.plugin.dbt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Yaml#write} lays out YAML itself; the text must be the mapper's, byte for byte, whatever the tree holds. */
class YamlTest {

    /** Scalars around every rule that decides plain, quoted or block style. */
    private static final List<Object> SCALARS = Arrays.asList("name", "Customer History 00000", "timestamp(3)",
            "getdate()", "(0)", "numeric(19,4)", "varchar(100)", "a: b", "a:b", "a #b", "a#b", "#x", "-x", "- x", "?x",
            "x ", " x", "", "y", "Y", "n", "no", "No", "NO", "yes", "on", "Off", "null", "Null", "true", "False", "~",
            "2", "0.5", ".5", "-1", "+1", "1e5", "e5", "Infinity", ".inf", "0x1F", "1_000", "'quoted'", "\"dq\"",
            "it's", "{{ ref('stg_x') }}", "{{ source('raw', 'T') }}", "[a]", "a]", "x{y}", "a, b", "@x", "`x`",
            "%x", "&x", "*x", "!x", "|x", ">x", "a|b", "Ünïcödé", "tab\there", "line\nbreak", "ends\n", "x\u0001y",
            "\u00e9t\u00e9", "a".repeat(130), "b ".repeat(70) + "c", "_x", "x.y.z", "x  y", "café", 2, 0, -7, 3L,
            true, false, null, new BigDecimal("12.50"), 1.5d);

    @Test
    void everyScalarAsKeyValueAndItemIsWrittenAsTheMapperWritesIt() {
        for (Object scalar : SCALARS) {
            Map<String, Object> root = Yaml.map();
            root.put("value", scalar);
            root.put("items", Arrays.asList(scalar, "after"));
            if (scalar instanceof String text) {
                Map<String, Object> keyed = Yaml.map();
                keyed.put(text, "v");
                keyed.put("next", 1);
                root.put("keyed", keyed);
                root.put("list", List.of(keyed, Map.of(text, List.of(scalar))));
            }
            assertSame(root);
        }
    }

    @Test
    void nestedMappingsSequencesAndEmptyContainersAreLaidOutAsTheMapperLaysThemOut() {
        Map<String, Object> column = Yaml.map();
        column.put("name", "Id");
        column.put("tests", List.of("not_null", Map.of("relationships", Map.of("to", "ref('x')", "field", "Id"))));
        column.put("config", Map.of("meta", Map.of("identity", Map.of("seed", 1, "increment", 1))));
        Map<String, Object> table = Yaml.map();
        table.put("columns", List.of(column, Map.of(), Map.of("tags", List.of())));
        table.put("empty", Map.of());
        table.put("none", List.of());
        Map<String, Object> root = Yaml.map();
        root.put("version", 2);
        root.put("models", List.of(table, Map.of("columns", List.of(column))));
        assertSame(root);
        assertSame(List.of(root, "x", Map.of("a", List.of(List.of("nested"))), List.of()));
        assertSame(Map.of());
        assertSame(List.of());
    }

    @Test
    void randomTreesAreWrittenAsTheMapperWritesThem() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 2_000; i++) {
            assertSame(tree(random, 0));
        }
    }

    private static Object tree(SplittableRandom random, int depth) {
        int kind = depth > 3 ? 2 : random.nextInt(3);
        if (kind == 0) {
            Map<String, Object> map = Yaml.map();
            for (int n = random.nextInt(4); n > 0; n--) {
                map.put(text(random), tree(random, depth + 1));
            }
            return map;
        }
        if (kind == 1) {
            List<Object> list = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                list.add(tree(random, depth + 1));
            }
            return list;
        }
        return random.nextInt(6) == 0 ? SCALARS.get(random.nextInt(SCALARS.size())) : text(random);
    }

    /** Strings over an alphabet of letters and every character YAML treats specially. */
    private static String text(SplittableRandom random) {
        String alphabet = "abcXYZ019_ .()-:#,[]{}'\"!&*?|>@`%~\t\u00e9";
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            s.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                    : (char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static void assertSame(Object tree) {
        assertEquals(Yaml.jackson(tree), Yaml.write(tree), () -> "tree " + tree);
    }
}
