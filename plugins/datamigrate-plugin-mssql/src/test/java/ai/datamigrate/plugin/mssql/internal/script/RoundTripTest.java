package ai.datamigrate.plugin.mssql.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.datamigrate.plugin.mssql.internal.lexer.ScriptDecoder;
import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.parser.ParseResult;
import ai.datamigrate.plugin.mssql.internal.parser.TreeAssert;
import ai.datamigrate.plugin.mssql.internal.parser.TsqlParser;
import ai.datamigrate.plugin.mssql.internal.parser.TsqlPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every body of the corpora printed back as T-SQL parses into the same tree. */
class RoundTripTest {

    static Stream<String> scripts() {
        return Stream.of("legacy-shop", "northwind/instnwnd.sql", "pubs/instpubs.sql",
                "adventureworks-dw/instawdbdw.sql");
    }

    static Optional<Path> script(String name) {
        return name.equals("legacy-shop") ? Optional.of(TestFiles.legacyShop()) : TestFiles.corpus(name);
    }

    static Collection<ModuleBody> bodies(Path path) throws IOException {
        String text = ScriptDecoder.decode(path.toString(), Files.readAllBytes(path));
        List<Token> tokens = Lexer.tokenize(text);
        ScriptReader reader = new ScriptReader(path.toString(), text, tokens, Map.of());
        reader.read("db");
        return reader.bodies();
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void printedBodiesParseIntoEqualTrees(String name) throws IOException {
        Optional<Path> path = script(name);
        Assumptions.assumeTrue(path.isPresent(), "corpus " + name + " not present");
        Collection<ModuleBody> bodies = bodies(path.get());
        assertTrue(!bodies.isEmpty());
        List<String> failures = new ArrayList<>();
        for (ModuleBody body : bodies) {
            assertEquals(0, body.unparsed(), body.name() + " has unparsed statements");
            String printed = TsqlPrinter.print(body.statements());
            ParseResult again = TsqlParser.parse(printed, "printed");
            if (!again.diagnostics().isEmpty()) {
                failures.add(body.name() + ": " + again.diagnostics().get(0).message() + "\n" + printed);
                continue;
            }
            TreeAssert.difference(body.statements(), again.statements())
                    .ifPresent(d -> failures.add(body.name() + ": " + d + "\n" + printed));
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + bodies.size() + " bodies differ after a round trip:\n"
                    + String.join("\n\n", failures));
        }
    }
}
