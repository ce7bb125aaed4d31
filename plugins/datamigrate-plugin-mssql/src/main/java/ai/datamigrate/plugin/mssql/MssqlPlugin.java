package ai.datamigrate.plugin.mssql;

import ai.datamigrate.plugin.mssql.internal.MssqlSourceReaderFactory;
import ai.datamigrate.plugin.mssql.internal.live.MssqlLiveSourceReaderFactory;
import ai.datamigrate.plugin.mssql.internal.translate.MssqlTranslatorFactory;
import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.spi.source.SourceReaderFactory;
import ai.datamigrate.spi.translate.TranslatorFactory;
import java.util.List;

/** SQL Server as a source: contributes the {@code mssql} reader of T-SQL install scripts. */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class MssqlPlugin implements DataMigratePlugin {

    @Override
    public String id() {
        return "mssql";
    }

    @Override
    public String description() {
        return "SQL Server source: reads T-SQL install scripts (.sql) into the catalog";
    }

    @Override
    public List<SourceReaderFactory> sourceReaders() {
        return List.of(new MssqlSourceReaderFactory(), new MssqlLiveSourceReaderFactory());
    }

    @Override
    public List<TranslatorFactory> translators() {
        return List.of(new MssqlTranslatorFactory());
    }
}
