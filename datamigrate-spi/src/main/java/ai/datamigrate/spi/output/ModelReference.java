package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;
import java.util.Objects;

/**
 * A relation a translated model reads. The model's SQL names it by {@code placeholder}, an identifier the
 * translator made up (e.g. {@code __dm_rel_1__}) that appears nowhere else in the SQL; the output target
 * replaces it with what its tool needs ({@code {{ ref('stg_shop__orders') }}} for dbt).
 *
 * @param placeholder the made-up identifier in the SQL, exactly as written there (unquoted)
 * @param target      the source object read: a table or a view of the catalog
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record ModelReference(String placeholder, ObjectName target) {
    // compiled once: String.matches compiled it for every reference of every translated model
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("__dm_rel_[0-9]+__");

    public ModelReference {
        Objects.requireNonNull(placeholder, "placeholder");
        Objects.requireNonNull(target, "target");
        if (!PLACEHOLDER.matcher(placeholder).matches()) {
            throw new IllegalArgumentException("placeholder must look like __dm_rel_<n>__: " + placeholder);
        }
    }
}
