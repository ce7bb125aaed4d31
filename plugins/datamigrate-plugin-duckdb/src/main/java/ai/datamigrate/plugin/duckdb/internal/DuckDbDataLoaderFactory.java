package ai.datamigrate.plugin.duckdb.internal;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.load.DataLoader;
import ai.datamigrate.spi.load.DataLoaderFactory;
import ai.datamigrate.support.target.RejectOptions;
import java.util.Map;

/** Creates raw tables in a DuckDB database file through DuckDB's JDBC driver; no server and no credentials. */
public final class DuckDbDataLoaderFactory implements DataLoaderFactory {

    /** {@link RejectOptions#properties}: the host passes {@code load --reject-dir} and {@code --max-rejects}. */
    private static final ConfigSpec SPEC = new ConfigSpec("duckdb", RejectOptions.properties("duckdb"));

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
        RejectOptions rejects = RejectOptions.of(SPEC, config);
        return new DuckDbDataLoader(new DuckDbTargetDialect(), context, rejects.directory(), rejects.maxRejects());
    }
}
