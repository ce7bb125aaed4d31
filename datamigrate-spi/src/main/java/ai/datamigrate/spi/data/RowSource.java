package ai.datamigrate.spi.data;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;
import java.util.List;

/**
 * The data of an input, table by table, streamed: a script's INSERTs, CSV files named by BULK INSERT, or a live
 * server's tables. Never holds a whole table in memory.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface RowSource {

    /** The tables this input has rows for, in a stable order. */
    List<ObjectName> tables();

    /** Pushes every row of {@code table} to {@code consumer}, in source order. */
    void read(ObjectName table, RowConsumer consumer);

    /**
     * Whether {@link #read} may run for several tables at once, from different threads (a loader with several jobs
     * does that). False unless the source says so.
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
    default boolean concurrentReads() {
        return false;
    }
}
