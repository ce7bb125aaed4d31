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
}
