/**
 * The DuckDB target: dialect (type mapping, rendering through Calcite, dbt-duckdb connection profile) and a raw-table
 * loader into a DuckDB database file, so a whole migration runs on a laptop without a database server.
 */
module ai.datamigrate.plugin.duckdb {
    requires ai.datamigrate.spi;
    requires ai.datamigrate.spi.sql;
    requires ai.datamigrate.support.target;
    requires avatica.core;
    requires java.sql;
    requires duckdb.jdbc;

    provides ai.datamigrate.spi.plugin.DataMigratePlugin with ai.datamigrate.plugin.duckdb.DuckDbPlugin;
}
