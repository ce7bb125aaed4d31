/**
 * The DataMigrate host: finds plugins with ServiceLoader, binds and validates their configuration, runs the
 * migration pipeline and writes output atomically. Core never names a plugin class.
 */
module ai.datamigrate.core {
    requires transitive ai.datamigrate.spi;
    requires com.google.guice;
    requires com.google.common;
    requires jakarta.inject;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires org.slf4j;

    exports ai.datamigrate.core;
    exports ai.datamigrate.core.report;

    opens ai.datamigrate.core.internal.agent to com.fasterxml.jackson.databind;

    opens ai.datamigrate.core to com.google.guice;
    opens ai.datamigrate.core.internal to com.google.guice;

    uses ai.datamigrate.spi.plugin.DataMigratePlugin;
}
