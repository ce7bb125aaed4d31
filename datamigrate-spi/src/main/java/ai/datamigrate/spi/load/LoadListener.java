package ai.datamigrate.spi.load;

import ai.datamigrate.spi.Api;

/**
 * Receives a loader's {@link LoadEvent}s. Called from the loader's worker threads, possibly several at once: an
 * implementation must be thread-safe and quick (it runs on the loading path).
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface LoadListener {

    /** A listener that ignores every event. */
    LoadListener NONE = event -> { };

    void onEvent(LoadEvent event);
}
