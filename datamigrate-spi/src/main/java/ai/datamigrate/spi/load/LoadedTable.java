package ai.datamigrate.spi.load;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;

/** One raw table created (and loaded) on the target. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LoadedTable(ObjectName source, String targetSchema, String targetTable, int columns, long rows) {
}
