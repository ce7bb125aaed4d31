package ai.datamigrate.testkit;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.PluginContext;
import java.util.List;

/** A plugin context for tests: masks the given secrets and logs through the JDK's platform logger. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class TestPluginContext implements PluginContext {

    private final List<String> secrets;

    public TestPluginContext(String... secrets) {
        this.secrets = List.of(secrets);
    }

    @Override
    public String hostVersion() {
        return "test";
    }

    @Override
    public String maskSecrets(String text) {
        String masked = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                masked = masked.replace(secret, "****");
            }
        }
        return masked;
    }

    @Override
    public System.Logger logger(String name) {
        return System.getLogger(name);
    }
}
