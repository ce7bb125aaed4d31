package ai.datamigrate.spi.agent;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The state of a run that agents share. Implemented by the host; thread-safe; every change is checkpointed when the
 * agent's step ends.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface MigrationState {

    Database catalog();

    /** Every object of the catalog, in the catalog's dependency order. */
    List<ObjectState> objects();

    Optional<ObjectState> object(ObjectName name);

    /** Replaces an object's state atomically. */
    void update(ObjectName name, UnaryOperator<ObjectState> change);

    /** Diagnostics gathered so far (reader, rule translation, agents). */
    List<Diagnostic> diagnostics();

    void addDiagnostic(Diagnostic diagnostic);
}
