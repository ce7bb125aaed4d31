package ai.datamigrate.sample.embedding;

import ai.datamigrate.core.DataMigrate;
import ai.datamigrate.core.MigrateRequest;
import ai.datamigrate.core.MigrateResult;
import ai.datamigrate.core.PluginInfo;
import ai.datamigrate.core.ProgressListener;
import ai.datamigrate.core.report.ObjectStatus;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.agent.AgentEvent;
import java.nio.file.Path;
import java.util.StringJoiner;

/**
 * Migrates a SQL Server script into a dbt project with DataMigrate's Java API and prints the report's summary.
 *
 * <pre>java ... ai.datamigrate.sample.embedding.EmbeddingApp SCRIPT OUT_DIR [TARGET]</pre>
 */
public final class EmbeddingApp {

    private EmbeddingApp() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: EmbeddingApp SCRIPT OUT_DIR [postgres|duckdb]");
            System.exit(2);
        }
        Path script = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String target = args.length == 3 ? args[2] : "postgres";
        try {
            DataMigrate dataMigrate = DataMigrate.builder()
                    .progress(new ProgressListener() {
                        @Override
                        public void onMigrationEvent(AgentEvent event) {
                            if (event.kind() == AgentEvent.Kind.STEP_FINISHED) {
                                System.out.println("step " + event.agent() + " done");
                            }
                        }
                    })
                    .build();
            StringJoiner plugins = new StringJoiner(", ");
            for (PluginInfo plugin : dataMigrate.plugins()) {
                plugins.add(plugin.id());
            }
            System.out.println("DataMigrate " + DataMigrate.version() + " with plugins " + plugins);
            MigrateResult result = dataMigrate.migrate(MigrateRequest.builder(script, out).target(target).build());
            System.out.println("migrated " + result.database().name() + " into " + out + " (" + target + "): "
                    + result.files().size() + " files");
            for (ObjectStatus status : ObjectStatus.values()) {
                System.out.println("  " + status.id() + ": " + result.report().count(status));
            }
            System.out.println("report: " + out.resolve("MIGRATION_REPORT.md"));
        } catch (DataMigrateException e) {
            // user errors come with a message meant for people; no stack trace needed
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
