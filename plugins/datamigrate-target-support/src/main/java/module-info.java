/**
 * What the target plugins share (how SQL Server's literals and types read, the raw tables' layout and DDL, a source
 * row's columns and identity values, reject files and load diagnostics, the validators' query-shape check),
 * parametrised by what differs between targets. Not an API: the package is exported to the target
 * plugins only, and the module provides no services (plugins are found through their own modules).
 */
module ai.datamigrate.support.target {
    requires ai.datamigrate.spi;
    requires ai.datamigrate.spi.sql;
    requires avatica.core;
    requires java.sql;

    exports ai.datamigrate.support.target to ai.datamigrate.plugin.postgres, ai.datamigrate.plugin.duckdb;
}
