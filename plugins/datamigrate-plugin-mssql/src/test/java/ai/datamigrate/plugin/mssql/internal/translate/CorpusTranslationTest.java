package ai.datamigrate.plugin.mssql.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.translate.TranslationResult;
import ai.datamigrate.spi.output.ModelParameter;
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
    void northwindAllSixteenViewsAndAllSevenProcedures() {
        TranslationResult r = translate("northwind/instnwnd.sql");
        assertEquals(16, r.models().stream().filter(m -> m.kind().equals("view")).count(),
                () -> r.diagnostics().toString());
        // "Ten Most Expensive Products": SET ROWCOUNT 10 + SELECT ... ORDER BY becomes FETCH NEXT 10 ROWS
        TranslatedModel top = model(r, "Ten Most Expensive Products");
        assertTrue(top.sql().endsWith("ORDER BY \"Products\".\"UnitPrice\" DESC NULLS LAST\nFETCH NEXT 10 ROWS ONLY"),
                top.sql());
        assertTrue(top.parameters().isEmpty());
        // the six with parameters read them as run-time values; SalesByCategory's IF ... SELECT @OrdYear = '1998'
        // becomes a CASE over the parameter's value, its default '1998' the var's default
        assertEquals(7, r.models().stream().filter(m -> m.kind().equals("procedure")).count(),
                () -> r.diagnostics().toString());
        TranslatedModel byCategory = model(r, "SalesByCategory");
        assertEquals(List.of("CategoryName", "OrdYear"), byCategory.parameters().stream().map(ModelParameter::name)
                .toList());
        assertEquals(Optional.of("1998"), byCategory.parameters().get(1).defaultValue());
        assertEquals(Optional.empty(), byCategory.parameters().get(0).defaultValue());
        assertTrue(byCategory.sql().contains("= CASE WHEN CAST(__dm_var_2__ AS VARCHAR(4)) <> '1996' AND"),
                byCategory.sql());
        assertEquals(23, r.models().size());
    }

    private static TranslatedModel model(TranslationResult r, String name) {
        return r.models().stream().filter(m -> m.object().name().equals(name)).findFirst().orElseThrow(() ->
                new AssertionError(name + " not translated: " + r.diagnostics()));
    }

    @Test
    void pubsTheViewAndAllFourProcedures() {
        TranslationResult r = translate("pubs/instpubs.sql");
        assertEquals(List.of("dbo.byroyalty", "dbo.reptq1", "dbo.reptq2", "dbo.reptq3", "dbo.titleview"), r.models()
                .stream().map(m -> m.object().toString()).toList());
        assertTrue(model(r, "reptq1").sql().contains("GROUP BY ROLLUP(titles.pub_id)"), model(r, "reptq1").sql());
        // reptq3 @lolimit money, @hilimit money, @type char(12): typed casts of the run-time values
        String reptq3 = model(r, "reptq3").sql();
        assertTrue(reptq3.contains("titles.price > CAST(__dm_var_1__ AS NUMERIC(19,4))")
                && reptq3.contains("CAST(__dm_var_3__ AS CHAR(12))"), reptq3);
    }

    @Test
    void adventureWorksDwAllFiveViewsAndTheThreeScalarFunctions() {
        TranslationResult r = translate("adventureworks-dw/instawdbdw.sql");
        // vTimeSeries calls dbo.udfBuildISO8601Date, which calls dbo.udfTwoDigitZeroFill (IF/ELSE): both inlined;
        // the three functions are macros of their own as well
        assertEquals(List.of("dbo.udfBuildISO8601Date macro", "dbo.udfMinimumDate macro",
                "dbo.udfTwoDigitZeroFill macro", "dbo.vAssocSeqLineItems view", "dbo.vAssocSeqOrders view",
                "dbo.vDMPrep view", "dbo.vTargetMail view", "dbo.vTimeSeries view"), r.models().stream()
                .map(m -> m.object() + " " + m.materialization()).sorted().toList(), () -> r.diagnostics().toString());
        String timeSeries = r.models().stream().filter(m -> m.object().name().equals("vTimeSeries")).findFirst()
                .orElseThrow().sql();
        assertTrue(timeSeries.contains("CASE WHEN CAST(\"vDMPrep\".\"Month\" AS INTEGER) > 9 THEN"), timeSeries);
    }
}
