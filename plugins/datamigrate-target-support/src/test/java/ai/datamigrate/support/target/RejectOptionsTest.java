package ai.datamigrate.support.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectOptionsTest {

    private final ConfigSpec spec = new ConfigSpec("duckdb", RejectOptions.properties("duckdb"));

    @Test
    void theSettingsTheHostFillsFromTheLoadOptions() {
        assertEquals(java.util.List.of("duckdb.reject-dir", "duckdb.max-rejects"),
                spec.properties().stream().map(ConfigProperty::key).toList());
        assertEquals(new RejectOptions(Path.of("datamigrate-rejects"), 0), RejectOptions.of(spec, Map.of()));
        assertEquals(new RejectOptions(Path.of("/tmp/r"), 25), RejectOptions.of(spec,
                Map.of("duckdb.reject-dir", "/tmp/r", "duckdb.max-rejects", " 25 ")));
    }

    @Test
    void maxRejectsIsAWholeNumber() {
        for (String bad : new String[] {"-1", "many", "1.5"}) {
            DataMigrateException e = assertThrows(DataMigrateException.class,
                    () -> RejectOptions.of(spec, Map.of("duckdb.max-rejects", bad)));
            assertEquals(ErrorCode.CONFIG_INVALID_VALUE, e.errorCode());
            assertEquals("invalid value '" + bad + "' for 'duckdb.max-rejects'; expected a whole number, 0 or more",
                    e.getMessage());
        }
    }
}
