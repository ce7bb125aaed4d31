package ai.datamigrate.testkit.agent;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.target.ConnectionProfile;
import ai.datamigrate.spi.target.ProfileField;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TypeMapping;
import java.util.List;
import java.util.Optional;

/**
 * A small PostgreSQL-like target for agent tests, so that they need no target plugin: types are kept as SQL Server
 * spells them, identifiers are quoted unless they are plain lower case.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class FixtureDialect implements TargetDialect {

    @Override
    public String name() {
        return "fixture";
    }

    @Override
    public TypeMapping mapType(DataType sourceType) {
        return TypeMapping.exact(sourceType.sql());
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public boolean requiresQuoting(String identifier) {
        return !identifier.matches("[a-z_][a-z0-9_]*");
    }

    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public ConnectionProfile connectionProfile() {
        return new ConnectionProfile("postgres", "dbt-postgres", List.of(
                new ProfileField("password", "FIXTURE_PASSWORD", Optional.empty(), true, false)));
    }
}
