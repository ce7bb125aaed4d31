package ai.datamigrate.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void masksDeclaredAndCredentialLookingKeys() {
        Settings settings = Settings.of(Map.of("mssql.url", "jdbc:sqlserver://h;password=hunter2",
                "mssql.pass", "s3cr3t", "claude.api-key", "sk-ant-xyz", "dbt.naming", "snake"));
        SecretMasker masker = new SecretMasker(settings, Set.of("mssql.pass"));
        assertEquals("login with **** and ****, naming snake",
                masker.mask("login with s3cr3t and sk-ant-xyz, naming snake"));
    }

    @Test
    void unknownKeyIsRejectedWithTheKnownKeys() {
        ConfigSpec spec = new ConfigSpec("dbt", List.of(ConfigProperty.of("dbt.naming", "naming", "snake"),
                ConfigProperty.required("dbt.project-name", "name")));
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> spec.validate(Map.of("dbt.namig", "snake", "mssql.url", "x")));
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, e.errorCode());
        assertEquals("unknown configuration key 'dbt.namig'; known keys: dbt.naming, dbt.project-name", e.getMessage());
    }

    @Test
    void choiceRejectsValuesOutsideTheAllowedOnes() {
        ConfigSpec spec = new ConfigSpec("dbt", List.of(ConfigProperty.of("dbt.naming", "naming", "snake")));
        assertEquals("snake", spec.choice(Map.of(), "dbt.naming", Set.of("snake", "preserve")));
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> spec.choice(Map.of("dbt.naming", "camel"), "dbt.naming", Set.of("snake", "preserve")));
        assertTrue(e.getMessage().contains("expected one of preserve, snake"), e.getMessage());
    }

    @Test
    void settingsKeysMustBeNamespaced() {
        assertThrows(DataMigrateException.class, () -> Settings.of(Map.of("naming", "snake")));
        assertEquals(Set.of("dbt", "mssql"), Settings.of(Map.of("dbt.naming", "x", "mssql.url", "y")).namespaces());
    }
}
