package ai.datamigrate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.core.AssessResult;
import ai.datamigrate.core.DataMigrate;
import ai.datamigrate.core.InspectResult;
import ai.datamigrate.core.MigrateRequest;
import ai.datamigrate.core.MigrateResult;
import ai.datamigrate.core.PluginInfo;
import ai.datamigrate.core.ProgressListener;
import ai.datamigrate.core.report.ObjectStatus;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorKind;
import ai.datamigrate.spi.agent.AgentEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public Java API as an embedding application uses it (this package is outside the CLI's), with the real
 * plugins on the class path and the bundled sample database.
 */
class DataMigrateApiTest {

    private static final Path SAMPLE = sample();

    @TempDir
    Path dir;

    private static Path sample() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("samples/legacy-shop/legacy_shop.sql");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("samples/legacy-shop/legacy_shop.sql not found above " + here);
    }

    @Test
    void pluginsAreFoundWithWhatTheyContribute() {
        List<PluginInfo> plugins = DataMigrate.builder().build().plugins();
        assertEquals(List.of("claude", "dbt", "duckdb", "mssql", "openai", "postgres"),
                plugins.stream().map(PluginInfo::id).toList());
        PluginInfo mssql = plugins.stream().filter(p -> p.id().equals("mssql")).findFirst().orElseThrow();
        assertTrue(mssql.services().stream().anyMatch(s -> s.kind() == PluginInfo.Kind.SOURCE_READER
                && s.name().equals("mssql")), mssql.toString());
        assertTrue(mssql.services().stream().anyMatch(s -> s.kind() == PluginInfo.Kind.TRANSLATOR), mssql.toString());
    }

    @Test
    void inspectMigrateAndAssessTheSampleWithProgress() throws IOException {
        List<AgentEvent> events = new CopyOnWriteArrayList<>();
        DataMigrate dataMigrate = DataMigrate.builder().setting("dbt.naming", "snake")
                .progress(new ProgressListener() {
                    @Override
                    public void onMigrationEvent(AgentEvent event) {
                        events.add(event);
                    }
                }).build();

        InspectResult inspected = dataMigrate.inspect(SAMPLE);
        assertEquals("mssql", inspected.sourceReader());
        long tables = inspected.database().tables().count();
        assertTrue(tables >= 5, "tables: " + tables);

        Path out = dir.resolve("shop_dbt");
        MigrateResult result = dataMigrate.migrate(MigrateRequest.builder(SAMPLE, out).build());
        assertEquals(out, result.out());
        assertTrue(Files.isRegularFile(out.resolve("dbt_project.yml")));
        assertTrue(result.files().contains("migration-report.json"), result.files().toString());
        for (String file : result.files()) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertTrue(result.report().count(ObjectStatus.CONVERTED) > 0, result.report().summary().toString());
        // the pipeline's steps were reported as they ran, first to last
        List<String> started = events.stream().filter(e -> e.kind() == AgentEvent.Kind.STEP_STARTED)
                .map(AgentEvent::agent).toList();
        assertFalse(started.isEmpty(), "no step events");
        assertEquals("metadata-extraction", started.get(0), started.toString());

        Path assessed = dir.resolve("assessment");
        AssessResult assessment = dataMigrate.assess(MigrateRequest.builder(SAMPLE, assessed).build());
        try (Stream<Path> files = Files.list(assessed)) {
            assertEquals(assessment.files().size(), files.count());
        }
        assertEquals(result.report().count(ObjectStatus.CONVERTED), assessment.report().count(ObjectStatus.CONVERTED));
    }

    @Test
    void theSameRequestWritesTheSameBytes() throws IOException {
        DataMigrate dataMigrate = DataMigrate.builder().build();
        Path first = dir.resolve("a");
        Path second = dir.resolve("b");
        dataMigrate.migrate(MigrateRequest.builder(SAMPLE, first).target("duckdb").build());
        dataMigrate.migrate(MigrateRequest.builder(SAMPLE, second).target("duckdb").build());
        try (Stream<Path> files = Files.walk(first)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path other = second.resolve(first.relativize(file));
                assertEquals(-1L, Files.mismatch(file, other), "differs: " + first.relativize(file));
            }
        }
    }

    @Test
    void anUnknownSettingIsAUserErrorNamingTheKnownKeys() {
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> DataMigrate.builder().setting("dbt.nameing", "snake").build());
        assertEquals(ErrorKind.USER, e.kind());
        assertTrue(e.getMessage().contains("dbt.naming"), e.getMessage());
    }

    @Test
    void secretValuesNeverAppearInMessages() {
        String key = "sk-ant-not-a-real-key-1234567890";
        DataMigrate dataMigrate = DataMigrate.builder().setting("claude.api-key", key).build();
        assertEquals("key ****", dataMigrate.mask("key " + key));
        // before build() knows the plugins, keys named like credentials are masked
        assertEquals("key ****", DataMigrate.builder().setting("nosuch.password", key).mask("key " + key));
        assertEquals("key " + key, DataMigrate.builder().setting("nosuch.colour", key).mask("key " + key));
    }

    @Test
    void aMissingInputIsAUserError() {
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> DataMigrate.builder().build().inspect(dir.resolve("missing.sql")));
        assertEquals(ErrorKind.USER, e.kind());
        assertTrue(e.getMessage().contains("missing.sql"), e.getMessage());
    }
}
