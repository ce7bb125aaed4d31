package ai.datamigrate.spi.load;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;

/**
 * One raw table created (and loaded) on the target.
 *
 * @param resumed true when a resumed load skipped it: an earlier run loaded and verified it ({@code rows} are that
 *                run's)
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LoadedTable(ObjectName source, String targetSchema, String targetTable, int columns, long rows,
                          boolean resumed) {

    public LoadedTable(ObjectName source, String targetSchema, String targetTable, int columns, long rows) {
        this(source, targetSchema, targetTable, columns, rows, false);
    }
}
