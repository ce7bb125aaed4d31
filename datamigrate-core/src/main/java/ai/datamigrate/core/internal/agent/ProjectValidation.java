package ai.datamigrate.core.internal.agent;

import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.validate.QueryValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Executes every model of a generated project on the target, in its own rolled-back transaction. */
public final class ProjectValidation {

    /** One model's outcome; {@code error} empty when it ran. */
    public record Result(ModelsFile.Entry entry, Optional<String> error) {
    }

    private ProjectValidation() {
    }

    public static List<Result> run(ModelsFile models, QueryValidator validator, TargetDialect dialect) {
        Map<ObjectName, TranslatedModel> byObject = new HashMap<>();
        models.models().forEach(e -> byObject.put(e.object(), e.translation()));
        // the catalog is only asked which references are tables: those without a model of their own
        Database tablesOnly = new Database("project", List.of(), Optional.empty());
        ModelCheck check = new ModelCheck(validator, tablesOnly, dialect, true);
        List<Result> results = new ArrayList<>();
        for (ModelsFile.Entry entry : models.models()) {
            results.add(new Result(entry, check.executeOnly(entry.translation(), o -> Optional.ofNullable(
                    byObject.get(o)))));
        }
        return results;
    }
}
