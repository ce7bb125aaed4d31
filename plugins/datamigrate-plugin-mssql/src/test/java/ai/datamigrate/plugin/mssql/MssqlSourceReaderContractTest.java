package ai.datamigrate.plugin.mssql;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReaderFactory;
import ai.datamigrate.testkit.SourceReaderContract;

class MssqlSourceReaderContractTest implements SourceReaderContract {

    @Override
    public SourceReaderFactory factory() {
        return new MssqlPlugin().sourceReaders().get(0);
    }

    @Override
    public SourceInput sampleInput() {
        return SourceInput.of(TestFiles.legacyShop());
    }
}
