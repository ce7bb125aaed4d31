/**
 * A sample third-party DataMigrate plugin: an agent that tags models whose columns look like personal data. It
 * exports nothing; the host finds it through {@code provides} (module path) or {@code META-INF/services} (class path).
 */
module com.example.datamigrate.pii {
    requires ai.datamigrate.spi;

    provides ai.datamigrate.spi.plugin.DataMigratePlugin with com.example.datamigrate.pii.PiiPlugin;
}
