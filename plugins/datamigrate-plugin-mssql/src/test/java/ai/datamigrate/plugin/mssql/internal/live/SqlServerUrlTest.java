package ai.datamigrate.plugin.mssql.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlServerUrlTest {

    @Test
    void namesTheHostWithInstanceAndPort() {
        assertEquals("db.example.com:1433", SqlServerUrl.parse("jdbc:sqlserver://db.example.com:1433").host());
        assertEquals("db\\SQLEXPRESS", SqlServerUrl.parse("jdbc:sqlserver://db\\SQLEXPRESS;encrypt=true").host());
        assertEquals("db:1500", SqlServerUrl.parse("jdbc:sqlserver://;serverName=db;portNumber=1500").host());
        assertEquals("localhost", SqlServerUrl.parse("jdbc:sqlserver://").host());
    }

    @Test
    void printsItselfWithTheDatabaseOnlySoNoUserOrTokenLeaks() {
        SqlServerUrl url = SqlServerUrl.parse(
                "jdbc:sqlserver://db:1433;user=migrator;databaseName={North;wind};encrypt=true;applicationName=x");
        assertEquals("jdbc:sqlserver://db:1433;databaseName=North;wind", url.redacted());
        assertEquals(Optional.of("migrator"), url.property("USER"));
        assertEquals("jdbc:sqlserver://db", SqlServerUrl.parse("jdbc:sqlserver://db;user=sa").redacted());
    }
}
