package ai.datamigrate.plugin.mssql.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.translate.TranslationResult;
import ai.datamigrate.spi.output.TranslatedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** How many views of the shared corpora translate, when the corpora are present. */
class CorpusTranslationTest {

    static TranslationResult translate(String relative) {
        Optional<Path> path = TestFiles.corpus(relative);
        Assumptions.assumeTrue(path.isPresent(), "corpus " + relative + " not present");
        return Translations.translate(TestFiles.read(path.get()));
    }

    @Test
    void northwindAllSixteenViewsAndTheParameterlessProcedure() {
        TranslationResult r = translate("northwind/instnwnd.sql");
        assertEquals(16, r.models().stream().filter(m -> m.kind().equals("view")).count(),
                () -> r.diagnostics().toString());
        // "Ten Most Expensive Products": SET ROWCOUNT 10 + SELECT ... ORDER BY becomes FETCH NEXT 10 ROWS
        TranslatedModel top = r.models().stream().filter(m -> m.kind().equals("procedure")).findFirst()
                .orElseThrow();
        assertEquals("Ten Most Expensive Products", top.object().name());
        assertTrue(top.sql().endsWith("ORDER BY \"Products\".\"UnitPrice\" DESC NULLS LAST\nFETCH NEXT 10 ROWS ONLY"),
                top.sql());
        assertEquals(17, r.models().size());
    }

    @Test
    void pubsTheViewAndBothParameterlessProcedures() {
        TranslationResult r = translate("pubs/instpubs.sql");
        assertEquals(List.of("dbo.reptq1", "dbo.reptq2", "dbo.titleview"), r.models().stream()
                .map(m -> m.object().toString()).toList());
        assertTrue(r.models().get(0).sql().contains("GROUP BY ROLLUP(titles.pub_id)"), r.models().get(0).sql());
    }

    @Test
    void adventureWorksDwAllFiveViews() {
        TranslationResult r = translate("adventureworks-dw/instawdbdw.sql");
        // vTimeSeries calls dbo.udfBuildISO8601Date, which calls dbo.udfTwoDigitZeroFill (IF/ELSE): both inlined
        assertEquals(5, r.models().size(), () -> r.diagnostics().toString());
        String timeSeries = r.models().stream().filter(m -> m.object().name().equals("vTimeSeries")).findFirst()
                .orElseThrow().sql();
        assertTrue(timeSeries.contains("CASE WHEN CAST(\"vDMPrep\".\"Month\" AS INTEGER) > 9 THEN"), timeSeries);
    }
}
