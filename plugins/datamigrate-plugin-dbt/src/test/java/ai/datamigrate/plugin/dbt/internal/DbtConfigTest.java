package ai.datamigrate.plugin.dbt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.testkit.TestPluginContext;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DbtConfigTest {

    @Test
    void defaults() {
        DbtConfig config = DbtConfig.bind(Map.of());
        assertEquals(new DbtConfig(DbtConfig.Naming.SNAKE, Optional.empty(), Optional.empty(), "raw",
                DbtConfig.Materialization.VIEW, DbtConfig.ReferenceTables.REF), config);
    }

    @Test
    void bindsEveryKeyAndIgnoresOtherNamespaces() {
        DbtConfig config = DbtConfig.bind(Map.of("dbt.naming", "preserve", "dbt.project-name", "shop",
                "dbt.profile-name", "shop-prod", "dbt.raw-schema", "landing", "dbt.staging-materialization", "table",
                "dbt.reference-tables", "source", "mssql.url", "jdbc:whatever"));
        assertEquals(new DbtConfig(DbtConfig.Naming.PRESERVE, Optional.of("shop"), Optional.of("shop-prod"),
                "landing", DbtConfig.Materialization.TABLE, DbtConfig.ReferenceTables.SOURCE), config);
    }

    @Test
    void factoryBindsItsConfiguration() {
        DbtProjectTarget target = (DbtProjectTarget) new DbtOutputTargetFactory()
                .create(Map.of("dbt.naming", "preserve"), new TestPluginContext());
        assertEquals(DbtConfig.Naming.PRESERVE, target.config().naming());
    }

    @Test
    void invalidNamingListsTheAllowedValues() {
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> DbtConfig.bind(Map.of("dbt.naming", "camel")));
        assertEquals(ErrorCode.CONFIG_INVALID_VALUE, e.errorCode());
        assertTrue(e.getMessage().contains("'camel'") && e.getMessage().contains("preserve, snake"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"dbt.project-name|My Project", "dbt.project-name|1shop",
            "dbt.project-name|Shop", "dbt.raw-schema|Raw Data", "dbt.raw-schema|''", "dbt.profile-name|a b",
            "dbt.profile-name|x\"y"})
    void invalidNamesAreRejectedWithTheKey(String key, String value) {
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> new DbtOutputTargetFactory().create(Map.of(key, value), new TestPluginContext()));
        assertEquals(ErrorCode.CONFIG_INVALID_VALUE, e.errorCode());
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void unknownKeysAreRejectedWithTheKnownOnes() {
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> DbtConfig.bind(Map.of("dbt.nameing", "snake")));
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, e.errorCode());
        assertTrue(e.getMessage().contains("dbt.nameing") && e.getMessage().contains("dbt.naming"),
                e.getMessage());
    }
}
