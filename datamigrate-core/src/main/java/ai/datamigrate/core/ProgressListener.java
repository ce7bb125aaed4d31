package ai.datamigrate.core;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.agent.AgentEvent;
import ai.datamigrate.spi.load.LoadEvent;

/**
 * Receives progress of the operations of a {@link DataMigrate}: the steps and objects of a migration's agent
 * pipeline, and the tables of a load. Events may arrive from several threads at once, so an implementation must be
 * thread-safe, and quick: it runs on the work's path. Both methods do nothing unless overridden.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface ProgressListener {

    /** A listener that ignores every event. */
    ProgressListener NONE = new ProgressListener() { };

    /** A step of the migration pipeline started or finished, or an object was handled. */
    default void onMigrationEvent(AgentEvent event) {
    }

    /** A table of a load started, progressed, was verified or failed. */
    default void onLoadEvent(LoadEvent event) {
    }
}
