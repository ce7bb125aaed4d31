/** The reference server (a shell until its issue): it will run migrations through the core host. */
module ai.datamigrate.server {
    requires ai.datamigrate.core;
}
