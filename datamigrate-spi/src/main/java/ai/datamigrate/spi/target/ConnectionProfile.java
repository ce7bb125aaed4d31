package ai.datamigrate.spi.target;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;

/**
 * How tools such as dbt connect to the target.
 *
 * @param adapterType    the dbt adapter type ({@code postgres})
 * @param adapterPackage the PyPI package that provides it ({@code dbt-postgres})
 * @param fields         connection settings in the order they should be written
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record ConnectionProfile(String adapterType, String adapterPackage, List<ProfileField> fields) {
    public ConnectionProfile {
        Objects.requireNonNull(adapterType, "adapterType");
        Objects.requireNonNull(adapterPackage, "adapterPackage");
        fields = List.copyOf(fields);
    }
}
