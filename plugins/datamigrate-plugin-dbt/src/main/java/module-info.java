/** Writes the catalog as a dbt project: sources, staging models, tests and a profile template. */
module ai.datamigrate.plugin.dbt {
    requires ai.datamigrate.spi;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;

    provides ai.datamigrate.spi.plugin.DataMigratePlugin with ai.datamigrate.plugin.dbt.DbtPlugin;
}
