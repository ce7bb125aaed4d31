package ai.datamigrate.support.target;

import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.target.ConnectionProfile;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TypeMapping;
import java.util.List;

/** Quotes as PostgreSQL and DuckDB do; maps {@code int} exactly and everything else lossily to {@code text}. */
final class TestDialect implements TargetDialect {

    @Override
    public String name() {
        return "test";
    }

    @Override
    public TypeMapping mapType(DataType sourceType) {
        return sourceType.name().equals("int") ? TypeMapping.exact("integer")
                : TypeMapping.lossy("text", sourceType.name() + " is kept as text");
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public boolean requiresQuoting(String identifier) {
        return true;
    }

    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public ConnectionProfile connectionProfile() {
        return new ConnectionProfile("test", "dbt-test", List.of());
    }
}
