package ai.datamigrate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.core.internal.config.Settings;
import ai.datamigrate.core.internal.plugin.LoadedPlugin;
import ai.datamigrate.core.internal.plugin.PluginRegistry;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorKind;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.data.RowConsumer;
import ai.datamigrate.spi.data.RowSource;
import ai.datamigrate.spi.load.DataLoader;
import ai.datamigrate.spi.load.DataLoaderFactory;
import ai.datamigrate.spi.load.LoadRequest;
import ai.datamigrate.spi.load.LoadResult;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReadResult;
import ai.datamigrate.spi.source.SourceReader;
import ai.datamigrate.spi.source.SourceReaderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataMigrateHostLoadTest {

    @TempDir
    Path dir;

    private final RowSource rowSource = new RowSource() {
        @Override
        public List<ObjectName> tables() {
            return List.of();
        }

        @Override
        public void read(ObjectName table, RowConsumer consumer) {
        }
    };
    private final AtomicInteger readersCreated = new AtomicInteger();
    private final List<SourceReader> readers = new ArrayList<>();
    private final List<LoadRequest> requests = new ArrayList<>();
    private final List<Map<String, String>> loaderConfigs = new ArrayList<>();

    /** A reader that remembers rows it was asked for by the reader instance that read the catalog. */
    private final class Reader implements SourceReader {
        private final boolean hasRows;
        private boolean read;
        private SourceInput input;

        Reader(boolean hasRows) {
            this.hasRows = hasRows;
        }

        @Override
        public SourceReadResult read(SourceInput input) {
            read = true;
            this.input = input;
            return new SourceReadResult(new Database("shop", List.of(), Optional.empty()), List.of());
        }

        @Override
        public Optional<RowSource> rows(SourceInput input) {
            assertTrue(read, "rows come from the reader that read the catalog");
            return hasRows ? Optional.of(rowSource) : Optional.empty();
        }
    }

    private DataMigrateHost host(boolean hasRows, Settings settings) {
        SourceReaderFactory readerFactory = new SourceReaderFactory() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public boolean accepts(SourceInput input) {
                return true;
            }

            @Override
            public SourceReader create(Map<String, String> config, PluginContext context) {
                readersCreated.incrementAndGet();
                Reader reader = new Reader(hasRows);
                readers.add(reader);
                return reader;
            }
        };
        DataLoaderFactory loaderFactory = new DataLoaderFactory() {
            @Override
            public String name() {
                return "fakedb";
            }

            @Override
            public ConfigSpec configSpec() {
                return new ConfigSpec("fakedb", List.of(ConfigProperty.of("fakedb.reject-dir", "rejects", "rej"),
                        ConfigProperty.of("fakedb.max-rejects", "max", "0")));
            }

            @Override
            public boolean accepts(String targetUrl) {
                return targetUrl.startsWith("jdbc:fake:");
            }

            @Override
            public DataLoader create(Map<String, String> config, PluginContext context) {
                loaderConfigs.add(config);
                return request -> {
                    requests.add(request);
                    return new LoadResult(List.of(), List.of());
                };
            }
        };
        DataMigratePlugin plugin = new DataMigratePlugin() {
            @Override
            public String id() {
                return "fake";
            }

            @Override
            public List<SourceReaderFactory> sourceReaders() {
                return List.of(readerFactory);
            }

            @Override
            public List<DataLoaderFactory> dataLoaders() {
                return List.of(loaderFactory);
            }
        };
        return new DataMigrateHost(new PluginRegistry(List.of(new LoadedPlugin(plugin, "fake.jar"))), settings);
    }

    private Input script() throws Exception {
        Path script = dir.resolve("shop.sql");
        Files.writeString(script, "create table t (a int);\n");
        return Input.of(script);
    }

    @Test
    void aUrlReachesTheReaderAsTypedAndIsNotCheckedAsAFile() {
        String url = "jdbc:sqlserver://db.example.com:1433;databaseName=Shop";
        Input input = Input.parse(url);
        assertTrue(input.isUrl());
        host(true, Settings.empty()).load(input, Map.of(), new LoadRequestOptions("jdbc:fake:x", "raw", List.of(),
                false, false));
        Reader reader = (Reader) readers.get(0);
        assertEquals(url, reader.input.location(), "the // of the URL survives");
        assertEquals(Optional.empty(), reader.input.path());
        assertEquals(Input.of(Path.of("shop.sql")), Input.parse("shop.sql"), "anything else is a path");
    }

    @Test
    void theRowsComeFromTheReaderThatReadTheCatalog() throws Exception {
        host(true, Settings.empty()).load(script(), Map.of(), new LoadRequestOptions("jdbc:fake:x", "raw", List.of(),
                false, false));
        assertEquals(1, readersCreated.get(), "one reader for the catalog and the rows");
        assertSame(rowSource, requests.get(0).rows().orElseThrow());
        assertFalse(requests.get(0).schemaOnly());
    }

    @Test
    void schemaOnlyAsksForNoRows() throws Exception {
        host(false, Settings.empty()).load(script(), Map.of(), new LoadRequestOptions("jdbc:fake:x", "raw", List.of(),
                false, true));
        assertEquals(Optional.empty(), requests.get(0).rows());
    }

    @Test
    void aReaderWithoutRowsIsAOneLineUserError() throws Exception {
        Input script = script();
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> host(false, Settings.empty())
                .load(script, Map.of(), new LoadRequestOptions("jdbc:fake:x", "raw", List.of(), false, false)));
        assertEquals(ErrorKind.USER, e.errorCode().kind());
        assertEquals("source reader 'fake' cannot read rows from " + script
                + "; use --schema-only to create the raw tables only", e.getMessage());
        assertTrue(requests.isEmpty(), "nothing reached the loader");
    }

    @Test
    void rejectOptionsReachTheLoaderAsItsOwnKeysAndWinOverSettings() throws Exception {
        Settings settings = Settings.of(Map.of("fakedb.max-rejects", "7", "fakedb.reject-dir", "from-set"));
        host(true, settings).load(script(), Map.of(), new LoadRequestOptions("jdbc:fake:x", "raw", List.of(), false,
                false).withMaxRejects(3));
        assertEquals(Map.of("fakedb.max-rejects", "3", "fakedb.reject-dir", "from-set"), loaderConfigs.get(0));

        host(true, Settings.empty()).load(script(), Map.of(), new LoadRequestOptions("jdbc:fake:x", "raw", List.of(),
                false, false).withRejectDir(Path.of("out/rejects")));
        assertEquals(Map.of("fakedb.reject-dir", Path.of("out/rejects").toString()), loaderConfigs.get(1));
    }
}
