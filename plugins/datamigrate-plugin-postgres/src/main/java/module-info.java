/** The PostgreSQL target: dialect (type mapping, identifier quoting, dbt connection profile) and raw-table loader. */
module ai.datamigrate.plugin.postgres {
    requires ai.datamigrate.spi;
    requires ai.datamigrate.spi.sql;
    requires ai.datamigrate.support.target;
    requires avatica.core;
    requires java.sql;
    requires org.postgresql.jdbc;

    provides ai.datamigrate.spi.plugin.DataMigratePlugin with ai.datamigrate.plugin.postgres.PostgresPlugin;
}
