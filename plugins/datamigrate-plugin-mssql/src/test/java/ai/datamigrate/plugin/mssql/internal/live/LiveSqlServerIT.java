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

    private static List<String> names(List<? extends CatalogObject> objects) {
        return objects.stream().map(o -> o.name().name()).toList();
    }

    private static String brief(Diagnostic d) {
        return d.code() + " " + d.object().orElse("");
    }
}
