package ai.datamigrate.plugin.mssql.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.source.SourceReadResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded fuzz test: mutated corpus text (tokens deleted, duplicated, swapped, inserted; text truncated; stray
 * quotes and brackets) and pathological nesting must never hang, overflow the stack or throw anything but the
 * project's own exception; problems come back as diagnostics.
 */
class RobustnessTest {

    private static final long SEED = 20261127L;
    private static final int MUTANTS = 3000;
    private static final String[] NOISE = {"(", ")", ",", ";", "SELECT", "FROM", "WHERE", "BEGIN", "END", "CASE",
        "WHEN", "THEN", "ELSE", "IF", "AS", "ON", "JOIN", "'", "[", "\"", "/*", "*/", "--", "GO\n", "@x", "=", "+",
        ".", "N'", "0x", "$", "WITH", "UNION", "EXEC", "INSERT", "INTO", "VALUES", "OVER", "CREATE", "VIEW"};

    private static SourceReadResult read(String text) {
        List<Token> tokens = Lexer.tokenize(text);
        return new ScriptReader("fuzz.sql", text, tokens, Map.of()).read("fuzz");
    }

    /** Reads text and returns the failure, if any: only a DataMigrateException is an acceptable exception. */
    private static Optional<String> survive(String text) {
        try {
            read(text);
            return Optional.empty();
        } catch (DataMigrateException e) {
            return Optional.empty();
        } catch (StackOverflowError | RuntimeException e) {
            String shown = text.length() > 300 ? text.substring(0, 300) + "..." : text;
            return Optional.of(e + " on:\n" + shown);
        }
    }

    private static List<String> seeds() {
        List<String> texts = new ArrayList<>();
        List<Path> paths = new ArrayList<>(List.of(TestFiles.legacyShop()));
        for (String c : List.of("northwind/instnwnd.sql", "pubs/instpubs.sql", "adventureworks-dw/instawdbdw.sql")) {
            TestFiles.corpus(c).ifPresent(paths::add);
        }
        for (Path p : paths) {
            TestFiles.read(p).database().objects().map(CatalogObject::definition).filter(d -> !d.isBlank())
                    .forEach(texts::add);
        }
        return texts;
    }

    private static String mutate(String text, Random random) {
        List<Token> tokens = Lexer.tokenize(text);
        if (tokens.isEmpty() || random.nextInt(10) == 0) {
            // character level: cut, or drop a stray delimiter in
            int at = random.nextInt(text.length() + 1);
            return random.nextBoolean() ? text.substring(0, at)
                    : text.substring(0, at) + "'[\"(".charAt(random.nextInt(4)) + text.substring(at);
        }
        List<String> words = new ArrayList<>(tokens.size());
        tokens.forEach(t -> words.add(t.text()));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !words.isEmpty(); e++) {
            int i = random.nextInt(words.size());
            switch (random.nextInt(5)) {
                case 0 -> words.remove(i);
                case 1 -> words.add(i, words.get(i));
                case 2 -> {
                    int j = random.nextInt(words.size());
                    String w = words.get(i);
                    words.set(i, words.get(j));
                    words.set(j, w);
                }
                case 3 -> words.add(i, NOISE[random.nextInt(NOISE.length)]);
                default -> words.subList(i, words.size()).clear();
            }
        }
        return String.join(" ", words);
    }

    @Test
    void mutatedCorpusTextNeverHangsOverflowsOrThrows() {
        List<String> seeds = seeds();
        // the bundled sample alone has 8 definitions; with Microsoft's corpora beside the checkout there are >50
        boolean corpora = TestFiles.corpus("northwind/instnwnd.sql").isPresent();
        assertTrue(seeds.size() >= (corpora ? 50 : 8), "definitions to mutate: " + seeds.size());
        List<String> failures = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random random = new Random(SEED);
            List<String> found = new ArrayList<>();
            for (int i = 0; i < MUTANTS && found.size() < 5; i++) {
                String mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
                survive(mutant).ifPresent(found::add);
            }
            return found;
        });
        assertEquals(List.of(), failures);
    }

    static Stream<String> deepInputs() {
        int n = 10_000;
        return Stream.of(
                "CREATE VIEW v AS SELECT " + "(".repeat(n) + "1" + ")".repeat(n),
                "CREATE VIEW v AS SELECT " + "(".repeat(n) + "1",
                "CREATE VIEW v AS SELECT 1 WHERE " + "NOT ".repeat(n) + "1 = 1",
                "CREATE VIEW v AS SELECT " + "- ".repeat(n) + "1",
                "CREATE VIEW v AS SELECT " + "CASE WHEN 1 = 1 THEN ".repeat(n) + "1" + " END".repeat(n),
                "CREATE VIEW v AS SELECT * FROM " + "(SELECT * FROM ".repeat(n) + "t" + ") x".repeat(n),
                "CREATE VIEW v AS SELECT * FROM " + "(".repeat(n) + "t" + ")".repeat(n),
                "CREATE VIEW v AS SELECT 1" + " + 1".repeat(100_000),
                "CREATE VIEW v AS SELECT 1" + " UNION SELECT 1".repeat(5_000),
                "CREATE VIEW v AS SELECT * FROM t" + " JOIN t ON 1 = 1".repeat(5_000),
                "CREATE PROCEDURE p AS " + "BEGIN ".repeat(n) + "END ".repeat(n),
                "CREATE PROCEDURE p AS " + "IF 1 = 1 ".repeat(n) + "PRINT 1",
                "CREATE PROCEDURE p AS " + "WHILE 1 = 1 ".repeat(n) + "BREAK",
                "IF 1 = 1 ".repeat(n) + "PRINT 1",
                "BEGIN ".repeat(n) + "END ".repeat(n),
                "CREATE TABLE t (a int DEFAULT " + "- ".repeat(n) + "1)",
                "CREATE TABLE t (a int DEFAULT " + "(".repeat(n) + "1" + ")".repeat(n) + ")",
                "(".repeat(n));
    }

    @ParameterizedTest
    @MethodSource("deepInputs")
    void deepNestingIsReportedNotRecursedInto(String sql) {
        SourceReadResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Optional<String> failure = survive(sql);
            assertEquals(Optional.empty(), failure);
            return read(sql);
        });
        assertTrue(result != null);
    }

    @Test
    void tenThousandNestedParenthesesGiveAClearDiagnostic() {
        String sql = "CREATE VIEW v AS SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
        SourceReadResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(sql));
        List<Diagnostic> unparsed = result.diagnostics().stream()
                .filter(d -> d.code().equals("MSSQL-UNPARSED-STATEMENT")).toList();
        assertEquals(1, unparsed.size(), result.diagnostics().toString());
        assertTrue(unparsed.get(0).message().contains("nesting deeper than 128 levels"), unparsed.get(0).message());
        assertEquals(Optional.of("dbo.v"), unparsed.get(0).object());
        assertEquals(1, result.database().schema("dbo").orElseThrow().views().size(), "the view is still read");
    }
}
