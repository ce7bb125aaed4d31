package ai.datamigrate.plugin.dbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.output.OutputTargetFactory;
import ai.datamigrate.testkit.PluginContract;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DbtPluginTest implements PluginContract {

    @Override
    public DataMigratePlugin plugin() {
        return new DbtPlugin();
    }

    @Test
    void contributesOnlyTheDbtOutputTarget() {
        assertEquals("dbt", plugin().id());
        assertEquals(List.of("dbt"), plugin().outputTargets().stream().map(OutputTargetFactory::name).toList());
        assertTrue(plugin().sourceReaders().isEmpty());
        assertTrue(plugin().targetDialects().isEmpty());
    }

    @Test
    void declaresItsConfigurationWithDefaults() {
        ConfigSpec spec = plugin().outputTargets().get(0).configSpec();
        assertEquals("dbt", spec.namespace());
        assertEquals(Set.of("dbt.naming", "dbt.project-name", "dbt.profile-name", "dbt.raw-schema",
                "dbt.staging-materialization", "dbt.reference-tables"), spec.keys());
        assertTrue(spec.secretKeys().isEmpty());
        assertEquals(Optional.of("snake"), defaultOf(spec, "dbt.naming"));
        assertEquals(Optional.of("raw"), defaultOf(spec, "dbt.raw-schema"));
        assertEquals(Optional.of("view"), defaultOf(spec, "dbt.staging-materialization"));
        assertEquals(Optional.of("ref"), defaultOf(spec, "dbt.reference-tables"));
        assertEquals(Optional.empty(), defaultOf(spec, "dbt.project-name"));
        assertEquals(Optional.empty(), defaultOf(spec, "dbt.profile-name"));
    }

    private static Optional<String> defaultOf(ConfigSpec spec, String key) {
        return spec.properties().stream().filter(p -> p.key().equals(key)).findFirst()
                .flatMap(ConfigProperty::defaultValue);
    }
}
