package ai.datamigrate.spi.load;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;
import java.util.Objects;

/**
 * What a loader reports while it loads, for progress displays. Events of one table arrive in order (started, rows
 * so far, finished); events of different tables may interleave and come from several threads. Timing is the
 * listener's business: events carry counts only, so that loaders stay deterministic.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
public sealed interface LoadEvent {

    /** The source table. */
    ObjectName source();

    /** The target table, {@code schema.table}. */
    String target();

    /** The table's load began (its index in the load's table order, and the number of tables). */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
    record Started(ObjectName source, String target, int index, int tables) implements LoadEvent {
        public Started {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }
    }

    /** Rows sent to the target so far (a loader reports every few thousand rows, not every row). */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
    record Rows(ObjectName source, String target, long rows) implements LoadEvent {
        public Rows {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * The table is done: committed and verified ({@code loaded}), or rolled back, or skipped because an earlier run
     * loaded and verified it ({@code resumed}).
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
    record Finished(ObjectName source, String target, int index, long rows, boolean loaded, boolean resumed)
            implements LoadEvent {
        public Finished {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }
    }
}
