package ai.datamigrate.spi;

/**
 * What the host offers a plugin when it creates one of the plugin's services.
 * Implemented by the host only, so it may grow in any release.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface PluginContext {

    /** The DataMigrate version that hosts the plugin. */
    String hostVersion();

    /** Replaces every configured secret value in {@code text} by {@code ****}; use it before logging. */
    String maskSecrets(String text);

    /** A logger that masks secrets; plugins should log through it rather than bring a logging library. */
    System.Logger logger(String name);
}
