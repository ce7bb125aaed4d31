package ai.datamigrate.plugin.mssql.internal.live;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReadResult;
import ai.datamigrate.spi.source.SourceReader;
import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.Properties;

/**
 * Reads the catalog of one live SQL Server database: connects with the configured login, runs the catalog
 * queries read-only and maps their rows. Every message passes through the host's and its own secret masking.
 */
final class MssqlLiveSourceReader implements SourceReader {

    /** SQL Server's "Login failed" and "Cannot open database" errors. */
    private static final int LOGIN_FAILED = 18456;
    private static final int CANNOT_OPEN_DATABASE = 4060;

    private final LiveCredentials credentials;
    private final PluginContext context;
    private final System.Logger logger;

    MssqlLiveSourceReader(LiveCredentials credentials, PluginContext context) {
        this.credentials = credentials;
        this.context = context;
        this.logger = context.logger(MssqlLiveSourceReader.class.getName());
    }

    /** The last catalog read, by location: {@link #rows} streams the tables of the catalog the host just read. */
    private final java.util.Map<String, SourceReadResult> read = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The tables' rows, streamed one connection per table read (see {@link LiveRowSource}); the catalog is the one
     * {@link #read} gave for the same location, read now if it has not been.
     */
    @Override
    public java.util.Optional<ai.datamigrate.spi.data.RowSource> rows(SourceInput input) {
        SqlServerUrl url = SqlServerUrl.parse(input.location());
        SourceReadResult catalog = read.containsKey(input.location()) ? read.get(input.location()) : read(input);
        return java.util.Optional.of(new LiveRowSource(url, () -> connect(url, true), catalog.database()));
    }

    @Override
    public SourceReadResult read(SourceInput input) {
        SourceReadResult result = readCatalog(input);
        read.put(input.location(), result);
        return result;
    }

    private SourceReadResult readCatalog(SourceInput input) {
        SqlServerUrl url = SqlServerUrl.parse(input.location());
        long started = System.nanoTime();
        CatalogRows rows;
        try (Connection connection = connect(url, false)) {
            connection.setReadOnly(true);
            rows = new JdbcCatalogReader(connection).read();
        } catch (SQLException e) {
            throw new DataMigrateException(LiveCodes.QUERY_FAILED, mask("reading the catalog of SQL Server at "
                    + url.host() + " failed: " + oneLine(e.getMessage())), e);
        }
        SourceReadResult mapped = CatalogMapper.map(rows, url.redacted());
        SourceReadResult result = new SourceReadResult(mapped.database(), mapped.diagnostics().stream()
                .map(d -> new Diagnostic(d.severity(), d.code(), d.object(), d.location(), mask(d.message())))
                .toList());
        logger.log(System.Logger.Level.DEBUG, () -> mask("read " + url.redacted() + ": "
                + result.database().tables().count() + " tables, " + result.database().objects().count()
                + " objects, " + result.diagnostics().size() + " diagnostics in "
                + (System.nanoTime() - started) / 1_000_000 + " ms"));
        return result;
    }

    /** @param streaming for reading rows: {@link LiveRowSource#streamingProperties} unless the URL sets them */
    private Connection connect(SqlServerUrl url, boolean streaming) {
        Properties properties = new Properties();
        if (streaming) {
            LiveRowSource.streamingProperties(url).forEach(p -> properties.setProperty(p[0], p[1]));
        }
        credentials.user().ifPresent(u -> properties.setProperty("user", u));
        credentials.password().ifPresent(p -> properties.setProperty("password", p));
        if (url.property("applicationName").isEmpty()) {
            properties.setProperty("applicationName", "DataMigrate");
        }
        try {
            // The driver is called directly rather than through DriverManager, which only sees drivers of the
            // caller's class loader and would miss this one when the plugin runs in its own module layer.
            Connection connection = new SQLServerDriver().connect(url.url(), properties);
            if (connection == null) {
                throw new DataMigrateException(LiveCodes.BAD_URL, "the SQL Server driver does not accept the URL "
                        + url.redacted());
            }
            return connection;
        } catch (SQLException e) {
            boolean login = e.getErrorCode() == LOGIN_FAILED || e.getErrorCode() == CANNOT_OPEN_DATABASE
                    || e instanceof SQLInvalidAuthorizationSpecException;
            ErrorCode code = login ? LiveCodes.LOGIN_FAILED : LiveCodes.CONNECT_FAILED;
            String what = login ? "SQL Server at " + url.host() + " refused the login"
                    + credentials.user().map(u -> " of user '" + u + "'").orElse("")
                    : "cannot connect to SQL Server at " + url.host();
            throw new DataMigrateException(code, mask(what + ": " + oneLine(e.getMessage())), e);
        }
    }

    private String mask(String text) {
        return credentials.mask(context.maskSecrets(text));
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s+", " ").strip();
    }
}
