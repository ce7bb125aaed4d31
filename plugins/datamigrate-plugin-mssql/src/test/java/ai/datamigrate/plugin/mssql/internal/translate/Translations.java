package ai.datamigrate.plugin.mssql.internal.translate;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.source.SourceReadResult;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.translate.TranslationRequest;
import ai.datamigrate.spi.translate.TranslationResult;
import ai.datamigrate.testkit.TestPluginContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

/** Reads scripts with the plugin's reader and translates them for the PostgreSQL target found on the class path. */
final class Translations {

    private Translations() {
    }

    static TargetDialect postgres() {
        for (var plugin : ServiceLoader.load(ai.datamigrate.spi.plugin.DataMigratePlugin.class)) {
            for (var factory : plugin.targetDialects()) {
                if (factory.name().equals("postgres")) {
                    return factory.create(Map.of(), new TestPluginContext());
                }
            }
        }
        throw new IllegalStateException("the postgres plugin is not on the test class path");
    }

    static TranslationResult translate(SourceReadResult read) {
        return new MssqlTranslatorFactory().create(Map.of(), new TestPluginContext())
                .translate(new TranslationRequest(read.database(), postgres()));
    }

    static TranslationResult translate(Path dir, String sql) {
        return translate(TestFiles.read(dir, "t.sql", sql));
    }

    /** With {@code mssql.parameters} set to {@code parameters} ({@code var} or {@code review}). */
    static TranslationResult translate(Path dir, String sql, String parameters) {
        return new MssqlTranslatorFactory().create(Map.of(MssqlTranslatorFactory.PARAMETERS, parameters),
                new TestPluginContext()).translate(new TranslationRequest(TestFiles.read(dir, "t.sql", sql)
                .database(), postgres()));
    }

    /**
     * A connection to the PostgreSQL of {@code DATAMIGRATE_PG_*}; skips the test when it is not configured, except
     * under {@code CI=true}, where a missing server is a broken setup.
     */
    static java.sql.Connection connectToPostgres() throws java.sql.SQLException {
        String host = System.getenv("DATAMIGRATE_PG_HOST");
        if (host == null || host.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("DATAMIGRATE_PG_HOST is not set on CI");
            }
            org.junit.jupiter.api.Assumptions.abort("DATAMIGRATE_PG_HOST not set");
        }
        String url = "jdbc:postgresql://" + host + ":" + System.getenv().getOrDefault("DATAMIGRATE_PG_PORT", "5432")
                + "/" + System.getenv().getOrDefault("DATAMIGRATE_PG_DATABASE", "postgres");
        return java.sql.DriverManager.getConnection(url, System.getenv().getOrDefault("DATAMIGRATE_PG_USER", "postgres"),
                System.getenv().getOrDefault("DATAMIGRATE_PG_PASSWORD", ""));
    }
}
