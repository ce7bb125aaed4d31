/** The datamigrate command line: a thin layer of picocli commands over the core host. */
module ai.datamigrate.cli {
    requires ai.datamigrate.core;
    requires com.google.guice;
    requires info.picocli;

    opens ai.datamigrate.cli.internal to info.picocli;
}
