package ai.datamigrate.plugin.mssql.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.source.SourceReadResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleAnalyzerTest {

    @Test
    void aCatalogReadElsewhereGetsTheSameDependenciesAsFromTheScript() {
        SourceReadResult fromScript = TestFiles.read(TestFiles.legacyShop());
        Database stripped = new Database(fromScript.database().name(), fromScript.database().schemas(),
                fromScript.database().description());
        assertTrue(stripped.dependencies().isEmpty());
        SourceReadResult analyzed = ModuleAnalyzer.analyze(new SourceReadResult(stripped, List.of()));
        assertEquals(fromScript.database().dependencies(), analyzed.database().dependencies());
        assertEquals(List.of(), analyzed.diagnostics());
    }
}
