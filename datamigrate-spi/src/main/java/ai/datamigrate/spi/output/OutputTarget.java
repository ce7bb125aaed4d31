package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;

/** Turns a catalog into files. Pure: it returns the files and the host writes them. */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface OutputTarget {
    OutputResult generate(OutputRequest request);
}
