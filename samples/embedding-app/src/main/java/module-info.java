/** A small application that embeds DataMigrate through its public API. */
module ai.datamigrate.sample.embedding {
    requires ai.datamigrate.core;
}
