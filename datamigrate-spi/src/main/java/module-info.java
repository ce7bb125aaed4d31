/**
 * The DataMigrate service provider interface: what plugins implement and the catalog model they share.
 * Depends on the JDK only, so that plugins never inherit the host's libraries.
 */
module ai.datamigrate.spi {
    exports ai.datamigrate.spi;
    exports ai.datamigrate.spi.agent;
    exports ai.datamigrate.spi.catalog;
    exports ai.datamigrate.spi.config;
    exports ai.datamigrate.spi.data;
    exports ai.datamigrate.spi.diagnostic;
    exports ai.datamigrate.spi.llm;
    exports ai.datamigrate.spi.load;
    exports ai.datamigrate.spi.output;
    exports ai.datamigrate.spi.plugin;
    exports ai.datamigrate.spi.source;
    exports ai.datamigrate.spi.target;
    exports ai.datamigrate.spi.translate;
    exports ai.datamigrate.spi.validate;
}
