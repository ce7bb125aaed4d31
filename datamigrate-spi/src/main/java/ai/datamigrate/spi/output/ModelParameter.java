package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parameter of the source object (a procedure's or an inline function's {@code @name}) that became a run-time
 * value of the model. The model's SQL names its value by {@code placeholder}, an identifier the translator made up
 * (e.g. {@code __dm_var_1__}) that stands for a character string literal holding the value's text, or {@code NULL};
 * the SQL casts it to the parameter's type itself, so the value is typed in the tree, not by the output target. An
 * output target replaces the placeholder with what its tool offers ({@code {{ datamigrate_literal(var('...')) }}} for
 * dbt); a checker substitutes the default.
 *
 * @param placeholder  the made-up identifier in the SQL, exactly as written there (unquoted)
 * @param name         the parameter's name without {@code @}
 * @param sourceType   its declared type in the source, for people ({@code nvarchar(15)})
 * @param targetType   the type the SQL casts the value to, in the target dialect
 * @param defaultValue the text of the declared default value; empty when the parameter has none or its default is
 *                     {@code NULL}: the value is then {@code NULL} unless it is set at run time
 * @param required     whether the source declared no default (a caller had to pass a value)
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
public record ModelParameter(String placeholder, String name, String sourceType, String targetType,
                             Optional<String> defaultValue, boolean required) {
    private static final Pattern PLACEHOLDER = Pattern.compile("__dm_var_[0-9]+__");

    public ModelParameter {
        Objects.requireNonNull(placeholder, "placeholder");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (!PLACEHOLDER.matcher(placeholder).matches()) {
            throw new IllegalArgumentException("placeholder must look like __dm_var_<n>__: " + placeholder);
        }
    }

    /** The SQL literal the placeholder stands for when nothing is set at run time: the default, quoted, or NULL. */
    public String defaultLiteral() {
        return defaultValue.map(v -> "'" + v.replace("'", "''") + "'").orElse("NULL");
    }
}
