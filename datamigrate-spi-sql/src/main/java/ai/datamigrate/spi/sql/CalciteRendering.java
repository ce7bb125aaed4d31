package ai.datamigrate.spi.sql;

import ai.datamigrate.spi.Api;
import org.apache.calcite.sql.SqlDialect;

/**
 * Implemented by a {@link ai.datamigrate.spi.target.TargetDialect} whose SQL is rendered by Apache Calcite: a
 * translator builds a Calcite {@code SqlNode} tree and unparses it with {@link #calciteDialect()}. A new target is
 * then a new plugin with its own {@code SqlDialect} subclass, never a change to the translator.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface CalciteRendering {

    /** The Calcite dialect that renders trees for this target, with the target's quoting and function names. */
    SqlDialect calciteDialect();
}
