package ai.datamigrate.plugin.duckdb.internal;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.load.DataLoader;
import ai.datamigrate.spi.load.DataLoaderFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Creates raw tables in a DuckDB database file through DuckDB's JDBC driver; no server and no credentials. */
public final class DuckDbDataLoaderFactory implements DataLoaderFactory {

    /** Read by the host too: it passes {@code load --reject-dir} and {@code --max-rejects} under these keys. */
    static final String REJECT_DIR = "duckdb.reject-dir";
    static final String MAX_REJECTS = "duckdb.max-rejects";
    static final String DEFAULT_REJECT_DIR = "datamigrate-rejects";

    private static final ConfigSpec SPEC = new ConfigSpec("duckdb", List.of(
            ConfigProperty.of(REJECT_DIR, "folder for <schema>.<table>.rejects.tsv files (load --reject-dir)",
                    DEFAULT_REJECT_DIR),
            ConfigProperty.of(MAX_REJECTS, "rejected rows a table may have and still load (load --max-rejects)",
                    "0")));

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public String description() {
        return "creates and loads raw tables in a DuckDB file with DuckDB's appender (jdbc:duckdb:FILE URLs)";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public boolean accepts(String targetUrl) {
        return targetUrl.startsWith(DuckDbDataLoader.URL_PREFIX);
    }

    @Override
    public DataLoader create(Map<String, String> config, PluginContext context) {
        SPEC.validate(config);
        String maxRejects = SPEC.value(config, MAX_REJECTS).orElseThrow();
        long max;
        try {
            max = Long.parseLong(maxRejects.strip());
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 0) {
            throw new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE, "invalid value '" + maxRejects + "' for '"
                    + MAX_REJECTS + "'; expected a whole number, 0 or more");
        }
        return new DuckDbDataLoader(new DuckDbTargetDialect(), context,
                Path.of(SPEC.value(config, REJECT_DIR).orElseThrow()), max);
    }
}
