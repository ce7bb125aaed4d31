package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.Optional;

/** Every named object of a database, with the text it was defined by and where that text was read. */
@Api(status = Api.Status.STABLE, since = "0.1")
public sealed interface CatalogObject permits Table, View, Procedure, Function, Trigger, Sequence, AliasType {

    ObjectName name();

    /** The original definition text, exactly as read (empty when the source had none, e.g. a live server). */
    String definition();

    SourceLocation location();

    Optional<String> description();

    /** {@code table}, {@code view}, {@code procedure}, ... for messages and reports. */
    String kind();
}
