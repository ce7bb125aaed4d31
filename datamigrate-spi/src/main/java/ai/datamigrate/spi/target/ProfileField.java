package ai.datamigrate.spi.target;

import ai.datamigrate.spi.Api;
import java.util.Objects;
import java.util.Optional;

/**
 * One connection setting of a target, always read from an environment variable so that no generated file
 * ever holds a credential.
 *
 * @param key          the setting's name in the tool's profile, e.g. {@code host}
 * @param envVar       the environment variable that holds it, e.g. {@code DATAMIGRATE_PG_HOST}
 * @param defaultValue used when the variable is unset; never present for secrets
 * @param numeric      whether the value must be a number (dbt needs {@code | as_number})
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record ProfileField(String key, String envVar, Optional<String> defaultValue, boolean secret,
                           boolean numeric) {
    public ProfileField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(envVar, "envVar");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (secret && defaultValue.isPresent()) {
            throw new IllegalArgumentException("a secret profile field cannot have a default: " + key);
        }
    }
}
