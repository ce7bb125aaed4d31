package ai.datamigrate.plugin.mssql.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.MssqlPlugin;
import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.output.ModelParameter;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TypeMapping;
import ai.datamigrate.spi.translate.TranslationRequest;
import ai.datamigrate.spi.translate.TranslationResult;
import ai.datamigrate.testkit.TestPluginContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MssqlTranslatorFactoryTest {

    @TempDir
    Path dir;

    @Test
    void thePluginContributesTheFactory() {
        var factories = new MssqlPlugin().translators();
        assertEquals(1, factories.size());
        assertEquals("mssql", factories.get(0).name());
        assertEquals(Set.of("mssql", "mssql-live"), factories.get(0).sourceReaders());
    }

    @Test
    void rejectsUnknownKeys() {
        assertThrows(DataMigrateException.class, () -> new MssqlTranslatorFactory()
                .create(Map.of("mssql.nope", "1"), new TestPluginContext()));
    }

    @Test
    void parametersReviewLeavesRoutinesWithParametersForReview() {
        var read = TestFiles.read(TestFiles.legacyShop());
        TranslationResult r = new MssqlTranslatorFactory().create(Map.of(MssqlTranslatorFactory.PARAMETERS,
                "review"), new TestPluginContext()).translate(new TranslationRequest(read.database(),
                Translations.postgres()));
        // CustomerOrderCount, OrdersSince, ProductsInCategory and CloseStaleOrders have parameters
        assertEquals(List.of("dbo.SyncPriceList", "sales.Order Totals", "sales.RefreshCustomerSales"),
                r.models().stream().map(m -> m.object().toString()).sorted().toList());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals(MssqlTranslator.PARAMETERS_LEFT)
                && d.object().orElseThrow().equals("dbo.CustomerOrderCount")));
        assertThrows(DataMigrateException.class, () -> new MssqlTranslatorFactory()
                .create(Map.of(MssqlTranslatorFactory.PARAMETERS, "llm"), new TestPluginContext()));
    }

    @Test
    void aTargetWithoutCalciteRenderingGetsADiagnosticAndNoModels() {
        TargetDialect plain = (TargetDialect) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TargetDialect.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> "plain";
                    case "mapType" -> TypeMapping.exact(((DataType) args[0]).sql());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        TranslationResult r = new MssqlTranslatorFactory().create(Map.of(), new TestPluginContext())
                .translate(new TranslationRequest(TestFiles.read(TestFiles.legacyShop()).database(), plain));
        assertEquals(List.of(), r.models());
        assertEquals(List.of(MssqlTranslator.NO_TREES), r.diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    void inlineFunctionsBecomeModelsTheirParametersRunTimeValues() {
        TranslationResult r = Translations.translate(dir, """
                CREATE TABLE dbo.T (id int NOT NULL, name nvarchar(20) NULL)
                GO
                CREATE FUNCTION dbo.AllNames() RETURNS TABLE AS RETURN (SELECT name FROM dbo.T)
                GO
                CREATE FUNCTION dbo.ById(@id int) RETURNS TABLE AS RETURN SELECT name FROM dbo.T WHERE id = @id
                GO
                CREATE VIEW dbo.Ordered AS SELECT id FROM dbo.T ORDER BY id
                GO
                """);
        TranslatedModel f = r.models().stream().filter(m -> m.object().name().equals("AllNames")).findFirst()
                .orElseThrow();
        assertEquals("function", f.kind());
        assertEquals("SELECT \"T\".name\nFROM __dm_rel_1__ AS \"T\"", f.sql());
        TranslatedModel byId = r.models().stream().filter(m -> m.object().name().equals("ById")).findFirst()
                .orElseThrow();
        // the parameter is a typed value in the tree: its placeholder cast to the parameter's type
        assertEquals("SELECT \"T\".name\nFROM __dm_rel_1__ AS \"T\"\nWHERE \"T\".id = CAST(__dm_var_1__ AS INTEGER)",
                byId.sql());
        assertEquals(List.of(new ModelParameter("__dm_var_1__", "id", "int", "integer", Optional.empty(), true)),
                byId.parameters());
        // no default: NULL until set, and said so, naming the parameter
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals(MssqlTranslator.NO_DEFAULT)
                && d.object().orElseThrow().equals("dbo.ById") && d.message().contains("@id")));
        // ORDER BY without TOP means nothing in a view: dropped, and said so
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("MSSQL-ORDER-BY-DROPPED")));
        assertEquals(3, r.models().size());
    }

    @Test
    void deterministic() {
        TranslationResult a = Translations.translate(TestFiles.read(TestFiles.legacyShop()));
        TranslationResult b = Translations.translate(TestFiles.read(TestFiles.legacyShop()));
        assertEquals(a, b);
    }
}
