package ai.datamigrate.plugin.mssql.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.output.ModelReference;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.translate.TranslationResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL itself checks the translated views: the corpus's tables are created empty in a schema, every
 * translated view and procedure is created on top of them (placeholders replaced by the raw names, parameters by
 * their defaults), and must be accepted.
 */
class TranslatedViewsIT {

    @Test
    void northwindViewsRunOnPostgres() throws SQLException {
        assertEquals(23, createAll("northwind/instnwnd.sql", "it_northwind")); // 16 views, 7 procedures
    }

    @Test
    void pubsViewAndProceduresRunOnPostgres() throws SQLException {
        assertEquals(5, createAll("pubs/instpubs.sql", "it_pubs")); // the view, 4 procedures
    }

    @Test
    void adventureWorksDwViewsRunOnPostgres() throws SQLException {
        // the 5 views, and the 3 scalar functions' macros as one-row queries of their NULL arguments
        assertEquals(5 + 3, createAll("adventureworks-dw/instawdbdw.sql", "it_awdw"));
    }

    /** With {@code mssql.collation=ci} the lowered comparisons and window keys must run too. */
    @Test
    void everyCorpusRunsOnPostgresWithCollationCi() throws SQLException {
        assertEquals(23, createAll("northwind/instnwnd.sql", "it_northwind_ci", "ci"));
        assertEquals(5, createAll("pubs/instpubs.sql", "it_pubs_ci", "ci"));
        assertEquals(5 + 3, createAll("adventureworks-dw/instawdbdw.sql", "it_awdw_ci", "ci"));
    }

    private int createAll(String corpus, String schema) throws SQLException {
        return createAll(corpus, schema, "preserve");
    }

    private int createAll(String corpus, String schema, String collation) throws SQLException {
        org.junit.jupiter.api.Assumptions.assumeTrue(ai.datamigrate.plugin.mssql.internal.TestFiles.corpus(corpus)
                .isPresent(), "corpus " + corpus + " not present");
        TranslationResult result = collation.equals("preserve") ? CorpusTranslationTest.translate(corpus)
                : new MssqlTranslatorFactory().create(Map.of(MssqlTranslatorFactory.COLLATION, collation),
                        new ai.datamigrate.testkit.TestPluginContext()).translate(
                        new ai.datamigrate.spi.translate.TranslationRequest(ai.datamigrate.plugin.mssql.internal
                                .TestFiles.read(ai.datamigrate.plugin.mssql.internal.TestFiles.corpus(corpus)
                                        .orElseThrow()).database(), Translations.postgres()));
        TargetDialect dialect = Translations.postgres();
        Database db = ai.datamigrate.plugin.mssql.internal.TestFiles.read(
                ai.datamigrate.plugin.mssql.internal.TestFiles.corpus(corpus).orElseThrow()).database();
        try (Connection c = Translations.connectToPostgres(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
            for (Table t : db.tables().toList()) {
                s.execute("CREATE TABLE " + schema + "." + dialect.quoteIdentifier(t.name().name()) + " ("
                        + t.columns().stream().map((Column col) -> dialect.quoteIdentifier(col.name()) + " "
                                + dialect.mapType(col.type()).targetType()).collect(Collectors.joining(", ")) + ")");
            }
            List<TranslatedModel> pending = new ArrayList<>(result.models());
            Map<String, String> errors = new LinkedHashMap<>();
            int created = 0;
            boolean progress = true;
            while (!pending.isEmpty() && progress) {
                progress = false;
                for (TranslatedModel m : List.copyOf(pending)) {
                    String sql = m.sql();
                    for (ModelReference r : m.references()) {
                        sql = sql.replace(r.placeholder(), schema + "." + dialect.quoteIdentifier(r.target().name()));
                    }
                    for (ai.datamigrate.spi.output.ModelParameter p : m.parameters()) {
                        sql = sql.replace(p.placeholder(), p.defaultLiteral()); // unset vars: their defaults
                    }
                    try {
                        s.execute("CREATE VIEW " + schema + "." + dialect.quoteIdentifier(m.object().name()) + " AS "
                                + sql);
                        s.executeQuery("SELECT * FROM " + schema + "." + dialect.quoteIdentifier(m.object().name()))
                                .close();
                        pending.remove(m);
                        created++;
                        progress = true;
                    } catch (SQLException e) {
                        errors.put(m.object().toString(), e.getMessage() + "\n" + sql);
                    }
                }
            }
            assertEquals(List.of(), pending.stream().map(m -> m.object() + ": " + errors.get(m.object().toString()))
                    .toList());
            s.execute("DROP SCHEMA " + schema + " CASCADE");
            return created;
        }
    }
}
