package ai.datamigrate.plugin.mssql.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.plugin.mssql.internal.translate.QueryConverter.Col;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.source.SourceReadResult;
import ai.datamigrate.spi.translate.TranslationRequest;
import ai.datamigrate.spi.translate.TranslationResult;
import ai.datamigrate.testkit.TestPluginContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Calcite's validator as a second check that every reference of a translated query resolves. */
class CalciteCheckTest {

    private static final Map<String, List<Col>> ORDERS = Map.of("__dm_tmp_0__", List.of(
            new Col("OrderID", DataType.of("int")), new Col("ShipCity", DataType.withLength("nvarchar", 15))));

    private static SqlNode parse(String sql) throws SqlParseException {
        return SqlParser.create(sql, SqlParser.config().withQuotedCasing(org.apache.calcite.avatica.util.Casing
                .UNCHANGED).withUnquotedCasing(org.apache.calcite.avatica.util.Casing.UNCHANGED)).parseQuery();
    }

    @Test
    void resolvedReferencesPass() throws SqlParseException {
        assertEquals(Optional.empty(), new CalciteCheck().check(parse("SELECT o.OrderID, LOWER(o.ShipCity) AS c "
                + "FROM __dm_tmp_0__ AS o WHERE o.ShipCity = 'Bern' GROUP BY o.OrderID, o.ShipCity"), ORDERS));
    }

    @Test
    void anUnknownColumnOrTableIsReported() throws SqlParseException {
        Optional<String> column = new CalciteCheck().check(parse("SELECT o.OrderDate FROM __dm_tmp_0__ AS o"), ORDERS);
        assertTrue(column.isPresent() && column.get().contains("OrderDate"), column.toString());
        Optional<String> table = new CalciteCheck().check(parse("SELECT x.OrderID FROM __dm_tmp_1__ AS x"), ORDERS);
        assertTrue(table.isPresent() && table.get().contains("__dm_tmp_1__"), table.toString());
    }

    @Test
    void aWrongQualifierIsReturnedAsAMessageNotThrown() throws SqlParseException {
        // a tree whose alias is wrong, as a broken rewrite could leave it
        Optional<String> r = new CalciteCheck().check(parse("SELECT p.OrderID FROM __dm_tmp_0__ AS o"), ORDERS);
        assertTrue(r.isPresent(), "expected a message");
    }

    private static TranslationResult validated(SourceReadResult read) {
        return new MssqlTranslatorFactory().create(Map.of(MssqlTranslatorFactory.VALIDATE, "true"),
                new TestPluginContext()).translate(new TranslationRequest(read.database(), Translations.postgres()));
    }

    private static List<String> rejected(TranslationResult r) {
        return r.diagnostics().stream().filter(d -> d.code().equals(CalciteCheck.UNRESOLVED))
                .map(Diagnostic::format).toList();
    }

    /** No false positives: every translated model of the sample and the corpora passes the validator. */
    @Test
    void theCorporaHaveNoFalsePositives() {
        TranslationResult shop = validated(TestFiles.read(TestFiles.legacyShop()));
        assertEquals(List.of(), rejected(shop));
        assertEquals(6, shop.models().size()); // the view, the inline function and four procedures (two with vars)
        int models = 0;
        for (String corpus : List.of("northwind/instnwnd.sql", "pubs/instpubs.sql",
                "adventureworks-dw/instawdbdw.sql")) {
            Optional<Path> path = TestFiles.corpus(corpus);
            Assumptions.assumeTrue(path.isPresent(), "corpus " + corpus + " not present");
            TranslationResult r = validated(TestFiles.read(path.get()));
            assertEquals(List.of(), rejected(r), corpus);
            models += r.models().size();
        }
        // Northwind: 16 views + 7 procedures; pubs: the view + 4 procedures; AW-DW: 5 views + 3 scalar functions
        assertEquals(23 + 5 + 5 + 3, models);
    }
}
