package ai.datamigrate.plugin.mssql.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.MssqlPlugin;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.ErrorKind;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReader;
import ai.datamigrate.spi.source.SourceReaderFactory;
import ai.datamigrate.testkit.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MssqlLiveSourceReaderFactoryTest {

    private static final Map<String, String> NO_ENV = Map.of();

    private static MssqlLiveSourceReaderFactory factory(Map<String, String> environment) {
        return new MssqlLiveSourceReaderFactory(environment::get);
    }

    private static SourceInput url(String location) {
        return new SourceInput(location, Optional.empty(), Map.of());
    }

    @Test
    void isContributedByTheMssqlPluginNextToTheScriptReader() {
        assertEquals(List.of("mssql", "mssql-live"),
                new MssqlPlugin().sourceReaders().stream().map(SourceReaderFactory::name).toList());
    }

    @Test
    void acceptsSqlServerJdbcUrlsOnly(@TempDir Path dir) throws Exception {
        SourceReaderFactory factory = factory(NO_ENV);
        assertTrue(factory.accepts(url("jdbc:sqlserver://db.example.com:1433;databaseName=Northwind")));
        assertTrue(factory.accepts(url("JDBC:SQLServer://localhost")));
        assertFalse(factory.accepts(url("jdbc:postgresql://localhost/northwind")));
        assertFalse(factory.accepts(url("mssql://server/db")));
        Path script = Files.writeString(dir.resolve("northwind.sql"), "CREATE TABLE t (a int)");
        assertFalse(factory.accepts(SourceInput.of(script)));
    }

    @Test
    void declaresUserAndSecretPasswordWithoutDefaultsThatWouldBeShown() {
        ConfigSpec spec = factory(NO_ENV).configSpec();
        assertEquals("mssql-live", spec.namespace());
        assertEquals(Set.of("mssql-live.user", "mssql-live.password"), spec.keys());
        assertEquals(Set.of("mssql-live.password"), spec.secretKeys());
        assertTrue(spec.properties().stream().map(ConfigProperty::defaultValue).allMatch(Optional::isEmpty));
        assertTrue(spec.properties().stream().allMatch(p -> p.description().contains("DATAMIGRATE_MSSQL_")));
    }

    @Test
    void rejectsUnknownKeysOfItsNamespaceWithTheKnownOnes() {
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> factory(NO_ENV).create(Map.of("mssql-live.pasword", "x"), new TestPluginContext()));
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, e.errorCode());
        assertEquals("unknown configuration key 'mssql-live.pasword'; known keys: mssql-live.password, "
                + "mssql-live.user", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:sqlserver://db:1433;databaseName=Northwind;user=sa;password=Hunter2-secret",
        "jdbc:sqlserver://db:1433;PASSWORD={Hunter2-secret;x=y}",
        "jdbc:sqlserver://db;pwd=Hunter2-secret",
        "jdbc:sqlserver://db;encrypt=true;trustStorePassword=Hunter2-secret",
        "jdbc:sqlserver://sa:Hunter2-secret@db:1433"})
    void refusesAUrlWithAPasswordInOneLineThatDoesNotRepeatIt(String location) {
        SourceReader reader = factory(NO_ENV).create(Map.of(), new TestPluginContext());
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> reader.read(url(location)));
        assertEquals(ErrorKind.USER, e.kind());
        assertEquals("DM-MSSQL-LIVE-SECRET-IN-URL", e.errorCode().code());
        assertFalse(e.getMessage().contains("Hunter2"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("DATAMIGRATE_MSSQL_PASSWORD")
                && e.getMessage().contains("mssql-live.password"), e.getMessage());
    }

    @Test
    void refusesWhatIsNotAJdbcUrlOfTheServer() {
        SourceReader reader = factory(NO_ENV).create(Map.of(), new TestPluginContext());
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> reader.read(url("jdbc:sqlserver:db.example.com")));
        assertEquals(ErrorKind.USER, e.kind());
    }

    @Test
    void takesTheLoginFromConfigurationFirstThenFromTheEnvironment() {
        Map<String, String> env = Map.of("DATAMIGRATE_MSSQL_USER", "env-user",
                "DATAMIGRATE_MSSQL_PASSWORD", "env-password");
        ConfigSpec spec = factory(NO_ENV).configSpec();
        assertEquals(new LiveCredentials(Optional.of("env-user"), Optional.of("env-password")),
                LiveCredentials.bind(spec, Map.of(), env::get));
        assertEquals(new LiveCredentials(Optional.of("cfg-user"), Optional.of("cfg-password")),
                LiveCredentials.bind(spec, Map.of("mssql-live.user", "cfg-user", "mssql-live.password",
                        "cfg-password"), env::get));
        assertEquals(new LiveCredentials(Optional.empty(), Optional.empty()),
                LiveCredentials.bind(spec, Map.of(), NO_ENV::get));
        LiveCredentials credentials = LiveCredentials.bind(spec, Map.of(), env::get);
        assertFalse(credentials.toString().contains("env-password"), credentials.toString());
        assertEquals("login with **** failed", credentials.mask("login with env-password failed"));
    }

    @Test
    void aServerThatCannotBeReachedIsAnExternalErrorNamingTheHostButNotThePassword() {
        // nothing listens on port 1; the password comes from the environment, which the host cannot mask
        Map<String, String> env = Map.of("DATAMIGRATE_MSSQL_USER", "sa", "DATAMIGRATE_MSSQL_PASSWORD",
                "Env-Secret-42");
        SourceReader reader = factory(env).create(Map.of(), new TestPluginContext());
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> reader.read(
                url("jdbc:sqlserver://127.0.0.1:1;databaseName=Northwind;encrypt=false;loginTimeout=2")));
        assertEquals(ErrorKind.EXTERNAL, e.kind());
        assertEquals("DM-MSSQL-LIVE-CONNECT-FAILED", e.errorCode().code());
        assertTrue(e.errorCode().retriable());
        assertTrue(e.getMessage().startsWith("cannot connect to SQL Server at 127.0.0.1:1: "), e.getMessage());
        assertFalse(e.getMessage().contains("Env-Secret-42"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
