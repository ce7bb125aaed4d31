package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What agents added to an object that has no translated model of its own (a table): an output target puts it on
 * whatever it generates for the object, e.g. dbt's staging model {@code config.meta} and {@code config.tags}.
 *
 * @param meta key/values, sorted by key
 * @param tags tags in order, no duplicates
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record ObjectAnnotations(SortedMap<String, String> meta, List<String> tags) {
    public ObjectAnnotations {
        meta = Collections.unmodifiableSortedMap(new TreeMap<>(meta));
        tags = tags.stream().distinct().toList();
    }

    public boolean isEmpty() {
        return meta.isEmpty() && tags.isEmpty();
    }
}
