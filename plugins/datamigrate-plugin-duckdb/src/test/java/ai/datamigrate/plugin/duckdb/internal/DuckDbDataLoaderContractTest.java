package ai.datamigrate.plugin.duckdb.internal;

import ai.datamigrate.spi.load.DataLoaderFactory;
import ai.datamigrate.testkit.DataLoaderContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's loader contract on a real DuckDB file. */
class DuckDbDataLoaderContractTest implements DataLoaderContract {

    @TempDir
    static Path dir;

    @Override
    public DataLoaderFactory factory() {
        return new DuckDbDataLoaderFactory();
    }

    @Override
    public Optional<String> targetUrl() {
        return Optional.of("jdbc:duckdb:" + dir.resolve("contract.duckdb"));
    }

    @Override
    public Connection openTarget(String url) throws SQLException {
        return new DuckDBDriver().connect(url, new Properties());
    }

    @Override
    public Map<String, String> config() {
        return Map.of("duckdb.reject-dir", dir.resolve("rejects").toString(), "duckdb.max-rejects", "0");
    }
}
