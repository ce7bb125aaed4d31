package ai.datamigrate.plugin.mssql.internal.live;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReader;
import ai.datamigrate.spi.source.SourceReaderFactory;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Creates the reader of live SQL Server databases: accepts {@code jdbc:sqlserver:} URLs. Credentials come from
 * configuration or the environment, never from the URL, so that they stay out of shell history and logs.
 */
public final class MssqlLiveSourceReaderFactory implements SourceReaderFactory {

    public static final String NAME = "mssql-live";
    public static final String USER_KEY = NAME + ".user";
    public static final String PASSWORD_KEY = NAME + ".password";
    public static final String USER_ENV = "DATAMIGRATE_MSSQL_USER";
    public static final String PASSWORD_ENV = "DATAMIGRATE_MSSQL_PASSWORD";

    // The defaults are not declared as ConfigProperty defaults: a declared default is shown by
    // `datamigrate plugins`, and the password must never be.
    private static final ConfigSpec SPEC = new ConfigSpec(NAME, List.of(
            ConfigProperty.optional(USER_KEY, "SQL Server login; defaults to the environment variable " + USER_ENV),
            ConfigProperty.secret(PASSWORD_KEY,
                    "password of that login; defaults to the environment variable " + PASSWORD_ENV)));

    private final UnaryOperator<String> environment;

    public MssqlLiveSourceReaderFactory() {
        this(System::getenv);
    }

    /** @param environment looks up environment variables (tests give their own); returns null when unset */
    MssqlLiveSourceReaderFactory(UnaryOperator<String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a live SQL Server database (jdbc:sqlserver:// URL; credentials from " + USER_ENV + "/" + PASSWORD_ENV
                + " or " + USER_KEY + "/" + PASSWORD_KEY + ")";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public boolean accepts(SourceInput input) {
        return SqlServerUrl.looksLikeOne(input.location());
    }

    @Override
    public SourceReader create(Map<String, String> config, PluginContext context) {
        SPEC.validate(config);
        LiveCredentials credentials = LiveCredentials.bind(SPEC, config, environment);
        return new MssqlLiveSourceReader(credentials, context);
    }
}
