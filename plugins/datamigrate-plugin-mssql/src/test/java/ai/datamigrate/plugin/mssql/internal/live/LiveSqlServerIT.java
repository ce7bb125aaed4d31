package ai.datamigrate.plugin.mssql.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorKind;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Function;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Procedure;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.Trigger;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReadResult;
import ai.datamigrate.spi.source.SourceReaderFactory;
import ai.datamigrate.testkit.SourceReaderContract;
import ai.datamigrate.testkit.TestPluginContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MSSQLServerContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The live reader against a real SQL Server 2022 in Docker: the objects of {@code live/northwind-live.sql} are
 * created, read back, and the tables compared with those mapped from the captured rows of
 * {@code live/northwind-rows.json}, which proves the fixture models what the server returns. Skipped, with a
 * message saying so, where no Docker engine is available.
 */
@EnabledIf(value = "dockerIsAvailable", disabledReason = "no Docker engine available: the mssql-live reader is NOT "
        + "verified against a real SQL Server in this run, only its mapping on captured rows (CatalogMapperTest)")
class LiveSqlServerIT implements SourceReaderContract {

    private static final DockerImageName IMAGE = DockerImageName.parse("mcr.microsoft.com/mssql/server:2022-latest");
    private static final String DATABASE = "Northwind";

    private static MSSQLServerContainer<?> server;
    private static String url;

    /** Used by {@code @EnabledIf}: the whole class is reported as skipped, with the reason, when it is false. */
    static boolean dockerIsAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @BeforeAll
    static void startServer() throws IOException, SQLException {
        server = new MSSQLServerContainer<>(IMAGE).acceptLicense();
        server.start();
        try (Connection connection = DriverManager.getConnection(server.getJdbcUrl(), server.getUsername(),
                server.getPassword()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        url = server.getJdbcUrl() + ";databaseName=" + DATABASE;
        try (Connection connection = DriverManager.getConnection(url, server.getUsername(), server.getPassword());
             Statement statement = connection.createStatement()) {
            for (String batch : batches("/live/northwind-live.sql")) {
                statement.execute(batch);
            }
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    /** The script's batches: the lines between {@code GO} lines. */
    private static List<String> batches(String resource) throws IOException {
        String script;
        try (InputStream in = LiveSqlServerIT.class.getResourceAsStream(resource)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> batches = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (line.strip().equalsIgnoreCase("GO")) {
                batches.add(batch.toString());
                batch.setLength(0);
            } else {
                batch.append(line).append('\n');
            }
        }
        if (!batch.toString().isBlank()) {
            batches.add(batch.toString());
        }
        return batches.stream().filter(b -> !b.isBlank()).toList();
    }

    @Override
    public SourceReaderFactory factory() {
        // credentials the way users give them: from the environment
        Map<String, String> environment = Map.of(MssqlLiveSourceReaderFactory.USER_ENV, server.getUsername(),
                MssqlLiveSourceReaderFactory.PASSWORD_ENV, server.getPassword());
        return new MssqlLiveSourceReaderFactory(environment::get);
    }

    @Override
    public SourceInput sampleInput() {
        return new SourceInput(url, Optional.empty(), Map.of());
    }

    private SourceReadResult read() {
        return factory().create(Map.of(), new TestPluginContext()).read(sampleInput());
    }

    @Test
    void readsTheTablesExactlyAsTheCapturedRowsDescribeThem() {
        SourceReadResult live = read();
        String location = SqlServerUrl.parse(url).redacted();
        Database fromFixture = CatalogMapper.map(LiveFixtures.northwind(), location).database();
        Schema liveDbo = live.database().schema("dbo").orElseThrow();
        Schema fixtureDbo = fromFixture.schema("dbo").orElseThrow();

        assertEquals(DATABASE, live.database().name());
        assertEquals(fromFixture.description(), live.database().description());
        assertEquals(List.of("dbo", "staging"), live.database().schemas().stream().map(Schema::name).toList());
        assertEquals(fixtureDbo.description(), liveDbo.description());
        assertEquals(fixtureDbo.tables(), liveDbo.tables());
        assertEquals(fixtureDbo.aliasTypes(), liveDbo.aliasTypes());
        assertEquals(fixtureDbo.sequences(), liveDbo.sequences());
        assertFalse(live.diagnostics().stream().anyMatch(d -> d.message().contains(server.getPassword())));
    }

    @Test
    void readsModulesWithTheirTextParametersAndEvents() {
        SourceReadResult live = read();
        Schema dbo = live.database().schema("dbo").orElseThrow();
        View view = dbo.views().get(0);
        assertEquals(new ObjectName("dbo", "Order Subtotals"), view.name());
        assertEquals(Optional.of("Subtotal per order"), view.description());
        assertTrue(view.definition().startsWith("create view \"Order Subtotals\" AS"), view.definition());
        assertEquals(List.of("CustOrderHist", "SecretProc"), names(dbo.procedures()));
        Procedure custOrderHist = dbo.procedures().get(0);
        assertEquals("@CustomerID", custOrderHist.parameters().get(0).name());
        assertEquals("nchar(5)", custOrderHist.parameters().get(0).type().sql());
        assertTrue(custOrderHist.definition().contains("GROUP BY ProductName"), custOrderHist.definition());
        assertEquals("", dbo.procedures().get(1).definition()); // WITH ENCRYPTION
        assertEquals(List.of("fn_CustomerOrders", "fn_OrderCount"), names(dbo.functions()));
        Function orderCount = dbo.functions().get(1);
        assertEquals("int", orderCount.returnType().orElseThrow().sql());
        assertEquals(Optional.of(new ObjectName("dbo", "CustomerCode")),
                orderCount.parameters().get(0).type().aliasName());
        assertEquals(List.of("trg_Ddl_Audit", "trg_Orders_Audit"), names(dbo.triggers()));
        Trigger ddl = dbo.triggers().get(0);
        assertEquals(Optional.empty(), ddl.table());
        assertEquals(List.of("DDL_DATABASE_LEVEL_EVENTS"), ddl.events());
        Trigger dml = dbo.triggers().get(1);
        assertEquals(Optional.of(new ObjectName("dbo", "Orders")), dml.table());
        assertEquals(List.of("INSERT", "UPDATE"), dml.events());
        assertEquals(List.of("MSSQL-LIVE-DISABLED dbo.trg_Ddl_Audit", "MSSQL-LIVE-UNMAPPED-OBJECT dbo.Clients",
                        "MSSQL-LIVE-UNREADABLE-DEFINITION dbo.SecretProc"),
                live.diagnostics().stream().map(LiveSqlServerIT::brief).sorted().toList());
    }

    @Test
    void aWrongPasswordIsAnExternalErrorNamingTheHostButNotThePassword() {
        Map<String, String> environment = Map.of(MssqlLiveSourceReaderFactory.USER_ENV, server.getUsername(),
                MssqlLiveSourceReaderFactory.PASSWORD_ENV, "Wrong-Passw0rd!");
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> new MssqlLiveSourceReaderFactory(environment::get).create(Map.of(), new TestPluginContext())
                        .read(sampleInput()));
        assertEquals(ErrorKind.EXTERNAL, e.kind());
        assertEquals("DM-MSSQL-LIVE-LOGIN-FAILED", e.errorCode().code());
        assertTrue(e.getMessage().contains(server.getHost()), e.getMessage());
        assertFalse(e.getMessage().contains("Wrong-Passw0rd!"), e.getMessage());
    }

    /**
     * {@code load} from the live server: every kind of column streamed over one connection per table, loaded into
     * PostgreSQL (DATAMIGRATE_PG_*) and verified on both sides, SQL Server's own aggregates included.
     */
    @Test
    void streamsEveryKindOfColumnIntoPostgresAndBothSidesAgree() throws Exception {
        String pgHost = System.getenv("DATAMIGRATE_PG_HOST");
        org.junit.jupiter.api.Assumptions.assumeTrue(pgHost != null && !pgHost.isBlank()
                || "true".equalsIgnoreCase(System.getenv("CI")), "DATAMIGRATE_PG_HOST not set: no target to load into");
        String loadDb = "LoadKinds";
        try (Connection connection = DriverManager.getConnection(server.getJdbcUrl(), server.getUsername(),
                server.getPassword()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + loadDb);
            statement.execute("ALTER DATABASE " + loadDb + " SET ALLOW_SNAPSHOT_ISOLATION ON");
        }
        String loadUrl = server.getJdbcUrl() + ";databaseName=" + loadDb;
        try (Connection connection = DriverManager.getConnection(loadUrl, server.getUsername(), server.getPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE dbo.Kinds (Id int NOT NULL PRIMARY KEY, Tiny tinyint, Big bigint, Flag bit,
                        Price money, Amount decimal(18, 4), Ratio float, Small real, Day date, At time(7),
                        Stamp datetime, Precise datetime2(7), Moment datetimeoffset(7), Guid uniqueidentifier,
                        Bytes varbinary(max), Name nvarchar(40), Code nchar(3), Doc xml, Node hierarchyid,
                        Place geography, Version rowversion)""");
            statement.execute("""
                    INSERT INTO dbo.Kinds (Id, Tiny, Big, Flag, Price, Amount, Ratio, Small, Day, At, Stamp, Precise,
                        Moment, Guid, Bytes, Name, Code, Doc, Node, Place) VALUES
                    (1, 255, -9223372036854775808, 1, -922337203685477.5808, 12345678901234.5678, 0.1, 3.4E38,
                     '0001-01-01', '23:59:59.9999994', '1753-01-01 00:00:00.003', '9999-12-31 23:59:59.999999',
                     '2024-03-01 10:00:00.1234567 +05:30', '6F9619FF-8B86-D011-B42D-00C04FC964FF', 0x00FF10,
                     N'tab	here é 日本 😀', N'ab', N'<a x="1">ü</a>', hierarchyid::Parse('/1/2/'),
                     geography::Point(47.65, -122.35, 4326)),
                    (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                     NULL, NULL, NULL),
                    (3, 0, 9223372036854775807, 0, 0, -0.0001, -1.5E300, -1.0E-30, '9999-12-31', '00:00', GETDATE(),
                     '2000-02-29', '1900-01-01 00:00:00 -14:00', NEWID(), 0x, N'', N'xyz', N'<b/>',
                     hierarchyid::GetRoot(), NULL)""");
        }
        SourceInput input = new SourceInput(loadUrl, Optional.empty(), Map.of());
        ai.datamigrate.spi.source.SourceReader reader = factory().create(Map.of(), new TestPluginContext());
        Database catalog = reader.read(input).database();
        ai.datamigrate.spi.data.RowSource rows = reader.rows(input).orElseThrow();
        assertTrue(rows.concurrentReads(), "one connection per table read");
        assertEquals(List.of(new ObjectName("dbo", "Kinds")), rows.tables());

        String pgUrl = "jdbc:postgresql://" + pgHost + ":" + Optional.ofNullable(System.getenv("DATAMIGRATE_PG_PORT"))
                .orElse("5432") + "/" + Optional.ofNullable(System.getenv("DATAMIGRATE_PG_DATABASE")).orElse("postgres");
        String schema = "it_live_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        ai.datamigrate.spi.load.DataLoaderFactory loaders = new ai.datamigrate.plugin.postgres.PostgresPlugin()
                .dataLoaders().get(0);
        java.nio.file.Path rejects = java.nio.file.Files.createTempDirectory("live-rejects");
        try {
            ai.datamigrate.spi.load.LoadResult result = loaders.create(Map.of("postgres.reject-dir",
                    rejects.toString()), new TestPluginContext()).load(new ai.datamigrate.spi.load.LoadRequest(
                    catalog, pgUrl, schema, List.of(), false, false, Optional.of(rows), 2, false,
                    ai.datamigrate.spi.load.LoadListener.NONE));

            assertEquals(3, result.tables().get(0).rows(), result.diagnostics().toString());
            assertTrue(result.verifications().get(0).passed(), result.verifications().toString());
            List<String> codes = result.diagnostics().stream().map(Diagnostic::code).toList();
            assertTrue(codes.contains("PG-LOAD-SOURCE-AGREES"), "SQL Server's own aggregates were compared: " + codes);
            assertTrue(result.diagnostics().stream().anyMatch(d -> d.code().equals("PG-LOSSY-TYPE")
                    && d.message().contains("hierarchyid")), "hierarchyid becomes text with a warning");
            try (Connection pg = DriverManager.getConnection(pgUrl, Optional.ofNullable(System.getenv(
                    "DATAMIGRATE_PG_USER")).orElse("postgres"), Optional.ofNullable(System.getenv(
                    "DATAMIGRATE_PG_PASSWORD")).orElse(""));
                 Statement s = pg.createStatement()) {
                s.execute("set timezone = 'UTC'");
                try (java.sql.ResultSet r = s.executeQuery("select \"Price\"::text, \"Moment\"::text, \"Guid\"::text,"
                        + " \"Name\", \"Node\", \"Place\", \"At\"::text from " + schema + ".\"Kinds\" where \"Id\" = 1")) {
                    assertTrue(r.next());
                    assertEquals("-922337203685477.5808", r.getString(1));
                    assertEquals("2024-03-01 04:30:00.123457+00", r.getString(2));
                    assertEquals("6f9619ff-8b86-d011-b42d-00c04fc964ff", r.getString(3));
                    assertEquals("tab\there é 日本 😀", r.getString(4));
                    assertEquals("/1/2/", r.getString(5));
                    assertEquals("POINT (-122.35 47.65)", r.getString(6));
                    assertEquals("23:59:59.999999", r.getString(7));
                }
            } finally {
                try (Connection pg = DriverManager.getConnection(pgUrl, Optional.ofNullable(System.getenv(
                        "DATAMIGRATE_PG_USER")).orElse("postgres"), Optional.ofNullable(System.getenv(
                        "DATAMIGRATE_PG_PASSWORD")).orElse(""));
                     Statement s = pg.createStatement()) {
                    s.execute("drop schema if exists " + schema + " cascade");
                }
            }
        } finally {
            try (var files = java.nio.file.Files.list(rejects)) {
                files.forEach(f -> f.toFile().delete());
            }
            java.nio.file.Files.deleteIfExists(rejects);
        }
    }

    private static List<String> names(List<? extends CatalogObject> objects) {
        return objects.stream().map(o -> o.name().name()).toList();
    }

    private static String brief(Diagnostic d) {
        return d.code() + " " + d.object().orElse("");
    }
}
