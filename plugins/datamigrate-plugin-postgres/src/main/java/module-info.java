/** The PostgreSQL target dialect: type mapping, identifier quoting and the dbt connection profile. */
module ai.datamigrate.plugin.postgres {
    requires ai.datamigrate.spi;

    provides ai.datamigrate.spi.plugin.DataMigratePlugin with ai.datamigrate.plugin.postgres.PostgresPlugin;
}
