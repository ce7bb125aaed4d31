package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.parser.TsqlParser;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.source.SourceReadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the definitions of the views, routines and triggers of a catalog read by other means (a live server's
 * {@code sys.sql_modules}, an SSDT project) and fills in its dependencies, exactly as a script's are.
 */
public final class ModuleAnalyzer {

    private static final Set<String> MODULE_KINDS = Set.of("view", "procedure", "function", "trigger");

    private ModuleAnalyzer() {
    }

    /**
     * @param read a catalog whose module objects carry their {@code CREATE ...} text as their definition
     * @return the same catalog with its dependencies, and the diagnostics plus those of parsing and resolving
     */
    public static SourceReadResult analyze(SourceReadResult read) {
        Database db = read.database();
        List<ModuleBody> bodies = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
        db.objects().filter(o -> MODULE_KINDS.contains(o.kind()) && !o.definition().isBlank()).forEach(o -> {
            String text = o.definition();
            List<Token> tokens = Lexer.tokenize(text);
            LineMap lines = shifted(o);
            ScriptReader reader = new ScriptReader(o.location().file(), text, tokens, Map.of(), lines, List.of());
            SourceReadResult one = reader.read(db.name());
            one.diagnostics().stream().filter(d -> d.code().equals(TsqlParser.UNPARSED)).forEach(diagnostics::add);
            // the catalog's own name wins over what the text says (a live server knows the schema)
            reader.bodies().forEach(b -> bodies.add(new ModuleBody(o.name(), o.kind(), b.statements(), b.unparsed(),
                    b.locator())));
        });
        Dependencies dependencies = new Dependencies(db);
        Database withDependencies = new Database(db.name(), db.schemas(), db.description(),
                dependencies.collect(bodies));
        diagnostics.addAll(dependencies.diagnostics());
        diagnostics.sort(null);
        return new SourceReadResult(withDependencies, diagnostics);
    }

    /** Lines of a definition counted from where the object's location says it starts (line 0: unknown). */
    private static LineMap shifted(CatalogObject o) {
        SourceLocation at = o.location();
        LineMap lines = new LineMap(at.file());
        if (at.line() == 0) {
            return LineMap.identity(at.file());
        }
        int count = 1;
        String text = o.definition();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        for (int line = 0; line < count; line++) {
            lines.add(at.file(), at.line() + line);
        }
        return lines;
    }
}
