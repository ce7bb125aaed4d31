/** Contract test suites that every plugin's tests extend, ours and third parties' alike. */
module ai.datamigrate.testkit {
    requires transitive ai.datamigrate.spi;
    requires transitive org.junit.jupiter.api;
    requires transitive java.sql;
    requires jdk.httpserver;

    exports ai.datamigrate.testkit;
    exports ai.datamigrate.testkit.agent;
    exports ai.datamigrate.testkit.llm;

    // PluginContract and AgentContract look plugins up as the host does
    uses ai.datamigrate.spi.plugin.DataMigratePlugin;
}
