package ai.datamigrate.plugin.duckdb.internal;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.ErrorKind;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.validate.QueryValidator;
import ai.datamigrate.spi.validate.QueryValidatorFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/**
 * Validates generated SQL for the {@code duckdb} target: Calcite parse, then execution on the DuckDB file the raw
 * tables were loaded into ({@code jdbc:duckdb:FILE}), opened read-only: no server needed.
 */
public final class DuckDbQueryValidatorFactory implements QueryValidatorFactory {

    static final ErrorCode OPEN_FAILED = new ErrorCode("DUCKDB-VALIDATE-OPEN", ErrorKind.EXTERNAL, true);
    static final ErrorCode NO_DATABASE = new ErrorCode("DUCKDB-VALIDATE-NO-DATABASE", ErrorKind.USER, false);

    private static final ConfigSpec SPEC = ConfigSpec.empty(DuckDbTargetDialectFactory.NAME);

    @Override
    public String name() {
        return DuckDbTargetDialectFactory.NAME;
    }

    @Override
    public String description() {
        return "parses with Calcite, executes in a rolled-back transaction on the DuckDB file opened read-only";
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
    public QueryValidator create(Optional<String> targetUrl, String rawSchema, Map<String, String> config,
                                 PluginContext context) {
        SPEC.validate(config);
        if (targetUrl.isEmpty()) {
            return new DuckDbQueryValidator(Optional.empty(), rawSchema, context);
        }
        String url = targetUrl.get();
        Path file = DuckDbDataLoader.databaseFile(url);
        if (!Files.isRegularFile(file)) {
            throw new DataMigrateException(NO_DATABASE, "no DuckDB database at " + file + ": load the raw tables"
                    + " first (datamigrate load INPUT --target-url " + context.maskSecrets(url) + ")");
        }
        Properties properties = new Properties();
        // nothing a checked query does can reach the file, other files, or these settings
        properties.setProperty("duckdb.read_only", "true");
        properties.setProperty("enable_external_access", "false");
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("lock_configuration", "true");
        try {
            // the driver class directly: DriverManager only sees drivers of the caller's class loader
            Connection connection = new DuckDBDriver().connect(url, properties);
            if (connection == null) {
                throw new SQLException("the DuckDB driver does not accept " + context.maskSecrets(url));
            }
            return new DuckDbQueryValidator(Optional.of(connection), rawSchema, context);
        } catch (SQLException e) {
            throw new DataMigrateException(OPEN_FAILED, "could not open the DuckDB database " + file + " read-only: "
                    + context.maskSecrets(String.valueOf(e.getMessage()))
                    + " (is another process, e.g. dbt or the duckdb shell, writing to it?)", e);
        }
    }
}
