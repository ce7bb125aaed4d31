package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an incremental model (materialization {@code incremental}) merges its rows into what it already holds, as an
 * ETL procedure's {@code MERGE} (or delete-and-insert) did into its table.
 *
 * @param uniqueKey the output columns that identify a row: a new row replaces the held row with the same key
 * @param watermark an output column that only grows, when the source code filtered on it: an incremental run then
 *                  only reads rows past the highest value held
 * @param note      why the model is incremental and what to check, for people
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
public record ModelIncremental(List<String> uniqueKey, Optional<String> watermark, String note) {
    public ModelIncremental {
        uniqueKey = List.copyOf(uniqueKey);
        Objects.requireNonNull(watermark, "watermark");
        Objects.requireNonNull(note, "note");
        if (uniqueKey.isEmpty()) {
            throw new IllegalArgumentException("an incremental model needs a unique key");
        }
    }
}
