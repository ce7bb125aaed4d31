/** Reads SQL Server install scripts into the DataMigrate catalog. Exports nothing: found through its service. */
module ai.datamigrate.plugin.mssql {
    requires ai.datamigrate.spi;

    provides ai.datamigrate.spi.plugin.DataMigratePlugin with ai.datamigrate.plugin.mssql.MssqlPlugin;
}
