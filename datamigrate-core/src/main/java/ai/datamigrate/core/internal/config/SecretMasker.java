package ai.datamigrate.core.internal.config;

import ai.datamigrate.spi.Api;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces secret values with {@code ****} in any text before it is shown or logged. A value is secret when a
 * plugin declares its key secret, or when the key's last part names a credential (password, secret, token,
 * api-key) — the second rule protects keys of plugins that forgot to declare them.
 */
@Api(status = Api.Status.INTERNAL, since = "0.1")
public final class SecretMasker {

    private static final List<String> CREDENTIAL_WORDS = List.of("password", "secret", "token", "api-key", "apikey");

    private final List<String> secrets;

    public SecretMasker(Settings settings, Set<String> declaredSecretKeys) {
        this.secrets = settings.values().entrySet().stream()
                .filter(e -> declaredSecretKeys.contains(e.getKey()) || looksSecret(e.getKey()))
                .map(java.util.Map.Entry::getValue)
                .filter(v -> !v.isEmpty())
                .distinct()
                // longest first so that a secret containing another is masked whole
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    public static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return CREDENTIAL_WORDS.stream().anyMatch(lower::contains);
    }

    public String mask(String text) {
        if (text == null) {
            return "";
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, "****");
        }
        return masked;
    }
}
