package ai.datamigrate.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.output.GeneratedFile;
import ai.datamigrate.spi.output.OutputRequest;
import ai.datamigrate.spi.output.OutputResult;
import ai.datamigrate.spi.output.OutputTargetFactory;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every output target must satisfy on a request its tests provide. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface OutputTargetContract {

    OutputTargetFactory factory();

    OutputRequest sampleRequest();

    @Test
    default void writesFilesWithUniquePaths() {
        OutputResult result = factory().create(Map.of(), new TestPluginContext()).generate(sampleRequest());
        assertFalse(result.files().isEmpty());
        Set<String> paths = new HashSet<>();
        for (GeneratedFile file : result.files()) {
            assertTrue(paths.add(file.path()), "written twice: " + file.path());
        }
    }

    @Test
    default void isByteForByteDeterministic() {
        OutputResult first = factory().create(Map.of(), new TestPluginContext()).generate(sampleRequest());
        OutputResult second = factory().create(Map.of(), new TestPluginContext()).generate(sampleRequest());
        assertEquals(first.files(), second.files());
    }
}
