package ai.datamigrate.spi.translate;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.target.TargetDialect;
import java.util.Objects;

/**
 * @param database the catalog whose views, functions and procedures are to be translated
 * @param dialect  the target; a dialect that also implements {@code ai.datamigrate.spi.sql.CalciteRendering}
 *                 renders through Apache Calcite
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record TranslationRequest(Database database, TargetDialect dialect) {
    public TranslationRequest {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(dialect, "dialect");
    }
}
