package ai.datamigrate.plugin.mssql.internal;

import ai.datamigrate.plugin.mssql.internal.project.SourceLayout;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReader;
import ai.datamigrate.spi.source.SourceReaderFactory;
import java.nio.file.Path;
import java.util.Map;

/**
 * Creates the reader of SQL Server scripts. Accepts a {@code .sql} script, a folder of scripts, or an SSDT project
 * (its {@code .sqlproj} file or the folder holding it).
 */
public final class MssqlSourceReaderFactory implements SourceReaderFactory {

    public static final String NAME = "mssql";
    private static final ConfigSpec SPEC = ConfigSpec.empty(NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SQL Server scripts: a .sql file, a folder of scripts or an SSDT project (.sqlproj);"
                + " UTF-8 or UTF-16, GO batches, SQLCMD variables";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public boolean accepts(SourceInput input) {
        return input.path().filter(SourceLayout::accepts).isPresent();
    }

    @Override
    public SourceReader create(Map<String, String> config, PluginContext context) {
        SPEC.validate(config);
        return new MssqlSourceReader(context.logger(MssqlSourceReader.class.getName()));
    }

    static Path pathOf(SourceInput input) {
        return input.path().orElseGet(() -> Path.of(input.location()));
    }
}
