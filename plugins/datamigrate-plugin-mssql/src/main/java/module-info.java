/** Reads SQL Server install scripts into the DataMigrate catalog. Exports nothing: found through its service. */
module ai.datamigrate.plugin.mssql {
    requires ai.datamigrate.spi;
    requires ai.datamigrate.spi.sql;
    requires java.sql;
    requires com.microsoft.sqlserver.jdbc;

    // only the front-end benchmark main looks plugins up (to find the postgres target it translates to)
    uses ai.datamigrate.spi.plugin.DataMigratePlugin;

    provides ai.datamigrate.spi.plugin.DataMigratePlugin with ai.datamigrate.plugin.mssql.MssqlPlugin;
}
