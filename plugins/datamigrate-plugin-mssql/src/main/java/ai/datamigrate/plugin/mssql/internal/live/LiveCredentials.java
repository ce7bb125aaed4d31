package ai.datamigrate.plugin.mssql.internal.live;

import ai.datamigrate.spi.config.ConfigSpec;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The login the live reader uses: configuration first, then the environment. Both may be absent, for URLs
 * that authenticate otherwise ({@code integratedSecurity=true}, {@code authentication=ActiveDirectoryDefault}).
 */
record LiveCredentials(Optional<String> user, Optional<String> password) {

    static LiveCredentials bind(ConfigSpec spec, Map<String, String> config, UnaryOperator<String> environment) {
        return new LiveCredentials(
                spec.value(config, MssqlLiveSourceReaderFactory.USER_KEY)
                        .or(() -> Optional.ofNullable(environment.apply(MssqlLiveSourceReaderFactory.USER_ENV)))
                        .filter(s -> !s.isBlank()),
                spec.value(config, MssqlLiveSourceReaderFactory.PASSWORD_KEY)
                        .or(() -> Optional.ofNullable(environment.apply(MssqlLiveSourceReaderFactory.PASSWORD_ENV)))
                        .filter(s -> !s.isEmpty()));
    }

    /** Replaces the password wherever it appears; the host only knows the configured one, not the environment's. */
    String mask(String text) {
        return password.map(p -> text.replace(p, "****")).orElse(text);
    }

    @Override
    public String toString() {
        return "LiveCredentials[user=" + user.orElse("(none)") + ", password=" + (password.isPresent() ? "****" : "(none)")
                + "]";
    }
}
