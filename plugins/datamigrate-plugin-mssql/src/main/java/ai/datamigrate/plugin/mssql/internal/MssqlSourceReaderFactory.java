package ai.datamigrate.plugin.mssql.internal;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReader;
import ai.datamigrate.spi.source.SourceReaderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Creates the reader of SQL Server scripts: accepts regular files named {@code *.sql}. */
public final class MssqlSourceReaderFactory implements SourceReaderFactory {

    public static final String NAME = "mssql";
    private static final ConfigSpec SPEC = ConfigSpec.empty(NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SQL Server install scripts (.sql, UTF-8 or UTF-16, GO batches, SQLCMD variables)";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public boolean accepts(SourceInput input) {
        return input.path()
                .filter(p -> p.getFileName() != null
                        && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                .filter(Files::isRegularFile)
                .isPresent();
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
