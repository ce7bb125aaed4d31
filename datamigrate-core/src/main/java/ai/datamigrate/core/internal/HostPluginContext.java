package ai.datamigrate.core.internal;

import ai.datamigrate.core.internal.config.SecretMasker;
import ai.datamigrate.spi.PluginContext;
import java.util.ResourceBundle;

/** The context the host gives plugins: its version and a logger that masks secrets. */
public final class HostPluginContext implements PluginContext {

    private final String hostVersion;
    private final SecretMasker masker;

    public HostPluginContext(String hostVersion, SecretMasker masker) {
        this.hostVersion = hostVersion;
        this.masker = masker;
    }

    @Override
    public String hostVersion() {
        return hostVersion;
    }

    @Override
    public String maskSecrets(String text) {
        return masker.mask(text);
    }

    @Override
    public System.Logger logger(String name) {
        return new MaskingLogger(System.getLogger(name), masker);
    }

    /** Masks every message before it reaches the real logger. */
    private record MaskingLogger(System.Logger delegate, SecretMasker masker) implements System.Logger {

        @Override
        public String getName() {
            return delegate.getName();
        }

        @Override
        public boolean isLoggable(Level level) {
            return delegate.isLoggable(level);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            delegate.log(level, bundle, masker.mask(msg), thrown);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (params == null || params.length == 0) {
                delegate.log(level, bundle, masker.mask(format));
                return;
            }
            delegate.log(level, bundle, masker.mask(java.text.MessageFormat.format(format, params)));
        }
    }
}
