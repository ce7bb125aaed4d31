/**
 * What the target plugins share (SQL Server's literal formats, the raw-table layout and DDL, reject files, the query
 * shape check), parametrised by what differs between targets. Not an API: the package is exported to the target
 * plugins only, and the module provides no services (plugins are found through their own modules).
 */
module ai.datamigrate.support.target {
    requires ai.datamigrate.spi;
    requires ai.datamigrate.spi.sql;
    requires avatica.core;
    requires java.sql;

    exports ai.datamigrate.support.target to ai.datamigrate.plugin.postgres, ai.datamigrate.plugin.duckdb;
}
