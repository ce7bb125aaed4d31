package ai.datamigrate.support.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.validate.QueryCheck;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryShapeTest {

    private final JdbcQueryValidator validator = new JdbcQueryValidator(new TestDialect(), Optional.empty(), "raw",
            new ai.datamigrate.testkit.TestPluginContext()) {
        @Override
        protected QueryCheck check(Connection connection, List<String> setup, String query) {
            throw new AssertionError("never called without a connection");
        }
    };

    @Test
    void collectsTheRelationsOfJoinsSubqueriesAndSetOperationsButNotCteNames() {
        QueryCheck check = validator.parse("""
                WITH recent AS (SELECT * FROM __dm_rel_1__ WHERE "OrderDate" > CAST('1998-01-01' AS date))
                SELECT r."OrderID", c."Name"
                FROM recent r JOIN __dm_rel_2__ c ON c."CustomerID" = r."CustomerID"
                WHERE EXISTS (SELECT 1 FROM __dm_rel_3__ d WHERE d."OrderID" = r."OrderID")
                UNION ALL
                SELECT 1, x FROM (SELECT "Name" AS x FROM __dm_rel_2__) AS s
                """);
        assertTrue(check.ok(), check.toString());
        assertEquals(List.of("__dm_rel_1__", "__dm_rel_2__", "__dm_rel_3__"), check.relations());
    }

    @Test
    void qualifiedAndQuotedNamesAreRelationsToo() {
        assertEquals(List.of("public.users", "Mixed Case"),
                validator.parse("SELECT * FROM public.users, \"Mixed Case\"").relations());
    }

    @Test
    void onlyASingleQueryPasses() {
        for (String sql : List.of("DROP TABLE __dm_rel_1__", "SELECT 1; DROP TABLE t", "DELETE FROM t",
                "INSERT INTO t SELECT * FROM u", "UPDATE t SET a = 1",
                "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", "", "SELECT FROM WHERE")) {
            QueryCheck check = validator.parse(sql);
            assertFalse(check.ok(), sql);
        }
    }

    @Test
    void withoutAConnectionNothingExecutes() {
        assertFalse(validator.canExecute());
        assertFalse(validator.execute(List.of(), "SELECT 1").ok());
        assertEquals("\"raw\".\"Orders\"", validator.rawRelation(new ObjectName("dbo", "Orders")));
        assertEquals("\"raw_sales\".\"Orders\"", validator.rawRelation(new ObjectName("Sales", "Orders")));
    }
}
