package ai.datamigrate.support.target;

import static ai.datamigrate.support.target.Tables.column;
import static ai.datamigrate.support.target.Tables.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.load.LoadRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RawTablesTest {

    private final RawTables postgresLike = new RawTables(new TestDialect(), "PG", true, false);
    private final RawTables duckDbLike = new RawTables(new TestDialect(), "DUCKDB", false, true);

    private static LoadRequest request(List<ObjectName> tables, Table... all) {
        Database database = new Database("shop", List.of(new Schema("dbo", List.of(all), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), Optional.empty())), Optional.empty());
        return new LoadRequest(database, "jdbc:x:y", "raw", tables, false, false);
    }

    @Test
    void rawTablesKeepTheSourceNamesAndMapTheTypes() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        String ddl = postgresLike.createTable("raw", table("dbo", "Order Details", column("OrderID", "int"),
                column("Where", "geography")), diagnostics);
        assertEquals("create table \"raw\".\"Order Details\" (\n    \"OrderID\" integer,\n    \"Where\" text\n)", ddl);
        assertEquals(1, diagnostics.size(), "the lossy geography mapping is reported");
        assertEquals("PG-LOSSY-TYPE", diagnostics.get(0).code());
        assertTrue(diagnostics.get(0).message().contains("column Where geography becomes text: geography is kept"),
                diagnostics.get(0).message());
        assertEquals(Optional.of("dbo.Order Details"), diagnostics.get(0).object());
    }

    @Test
    void dropsCascadeWhereTheTargetNeedsIt() {
        assertEquals("drop table if exists \"raw\".\"T\" cascade", postgresLike.dropIfExists("raw", "T"));
        assertEquals("drop table if exists \"raw\".\"T\"", duckDbLike.dropIfExists("raw", "T"));
    }

    @Test
    void anExistingTableIsAUserErrorWithTheTargetsCode() {
        DataMigrateException e = duckDbLike.alreadyExists("raw", "T", " and more");
        assertEquals("DUCKDB-RAW-TABLE-EXISTS", e.errorCode().code());
        assertEquals("raw table raw.T exists already and more; use --replace to drop and re-create it", e.getMessage());
    }

    @Test
    void theRequestsTablesInItsOrderOrAll() {
        Table a = table("dbo", "A", column("x", "int"));
        Table b = table("dbo", "B", column("x", "int"));
        assertEquals(List.of(a, b), RawTables.select(request(List.of(), a, b)));
        assertEquals(List.of(b, a), RawTables.select(request(List.of(new ObjectName("dbo", "b"),
                new ObjectName("dbo", "A")), a, b)));
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> RawTables.select(request(List.of(new ObjectName("dbo", "C")), a, b)));
        assertEquals("no table dbo.C in the input; tables: dbo.A, dbo.B", e.getMessage());
    }

    @Test
    void loadingRowsWithoutARowSourceIsAUserError() {
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> postgresLike.requireRows(request(List.of())));
        assertEquals("PG-LOAD-ROWS-UNAVAILABLE", e.errorCode().code());
        assertTrue(e.getMessage().contains("--schema-only"), e.getMessage());
    }
}
