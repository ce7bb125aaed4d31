package ai.datamigrate.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReadResult;
import ai.datamigrate.spi.source.SourceReaderFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every source reader must satisfy on a sample input its tests provide. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface SourceReaderContract {

    SourceReaderFactory factory();

    /** A real, non-trivial input with at least one table. */
    SourceInput sampleInput();

    @Test
    default void acceptsItsSample() {
        assertTrue(factory().accepts(sampleInput()));
    }

    @Test
    default void readsTablesWithColumnsAndLocations() {
        SourceReadResult result = factory().create(Map.of(), new TestPluginContext()).read(sampleInput());
        assertTrue(result.database().tables().findAny().isPresent(), "no table read");
        result.database().tables().forEach(t -> assertFalse(t.columns().isEmpty(), t.name() + " has no columns"));
        result.database().objects().map(CatalogObject::location)
                .forEach(l -> assertFalse(l.file().isBlank(), "object without source file"));
    }

    @Test
    default void isDeterministic() {
        SourceReadResult first = factory().create(Map.of(), new TestPluginContext()).read(sampleInput());
        SourceReadResult second = factory().create(Map.of(), new TestPluginContext()).read(sampleInput());
        assertEquals(first, second);
    }
}
