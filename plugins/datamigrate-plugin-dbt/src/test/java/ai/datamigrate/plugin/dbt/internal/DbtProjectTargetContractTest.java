package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.spi.output.OutputRequest;
import ai.datamigrate.spi.output.OutputTargetFactory;
import ai.datamigrate.testkit.OutputTargetContract;

class DbtProjectTargetContractTest implements OutputTargetContract {

    @Override
    public OutputTargetFactory factory() {
        return new DbtOutputTargetFactory();
    }

    @Override
    public OutputRequest sampleRequest() {
        return SampleDatabase.request();
    }
}
