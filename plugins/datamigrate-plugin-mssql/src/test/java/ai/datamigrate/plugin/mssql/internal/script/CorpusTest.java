package ai.datamigrate.plugin.mssql.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.source.SourceReadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The real install scripts of Northwind, pubs and AdventureWorksDW, when the shared corpora are present. */
class CorpusTest {

    private static SourceReadResult read(String relative) {
        Optional<Path> path = TestFiles.corpus(relative);
        Assumptions.assumeTrue(path.isPresent(), "corpus " + relative + " not present");
        return TestFiles.read(path.get());
    }

    private static List<Diagnostic> withCode(SourceReadResult result, String code) {
        return result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    }

    private static Set<String> tableNames(Database db) {
        return db.tables().map(t -> t.name().toString()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void northwind() {
        SourceReadResult result = read("northwind/instnwnd.sql");
        Database db = result.database();
        assertEquals(List.of(), withCode(result, "MSSQL-SYNTAX-ERROR"));
        assertEquals(List.of(), withCode(result, "MSSQL-UNPARSED-STATEMENT"));
        assertEquals(new TreeSet<>(Set.of("dbo.Categories", "dbo.CustomerCustomerDemo", "dbo.CustomerDemographics",
                "dbo.Customers", "dbo.Employees", "dbo.EmployeeTerritories", "dbo.Order Details", "dbo.Orders",
                "dbo.Products", "dbo.Region", "dbo.Shippers", "dbo.Suppliers", "dbo.Territories")), tableNames(db));
        assertEquals(13, db.tables().filter(t -> t.primaryKey().isPresent()).count());
        assertEquals(13, db.tables().mapToLong(t -> t.foreignKeys().size()).sum());
        // Primary and foreign keys added by ALTER TABLE at the end of the script.
        Table territories = db.table(new ObjectName("dbo", "EmployeeTerritories")).orElseThrow();
        assertEquals(List.of("EmployeeID", "TerritoryID"), territories.primaryKey().orElseThrow().columns());
        assertEquals(Set.of("FK_EmployeeTerritories_Employees", "FK_EmployeeTerritories_Territories"),
                territories.foreignKeys().stream().map(fk -> fk.name().orElseThrow()).collect(Collectors.toSet()));
        Table details = db.table(new ObjectName("dbo", "Order Details")).orElseThrow();
        assertEquals("Discount >= 0 and (Discount <= 1)", details.checkConstraints().get(0).expression());
        // NOCHECK CONSTRAINT ALL before the data, CHECK CONSTRAINT ALL after: enforced in the end.
        assertTrue(details.foreignKeys().stream().allMatch(fk -> fk.enforced()));
        Column employeeId = db.table(new ObjectName("dbo", "Employees")).orElseThrow().column("EmployeeID")
                .orElseThrow();
        assertEquals("int", employeeId.type().sql()); // written "int" in double quotes
        assertEquals(16, db.schema("dbo").orElseThrow().views().size());
        assertEquals(13, db.tables().count());
        assertEquals(7, db.schema("dbo").orElseThrow().procedures().size());
        assertEquals("instnwnd", db.name());
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().startsWith("2155 INSERT statements for "
                + "dbo.Order Details")));
    }

    @Test
    void pubs() {
        SourceReadResult result = read("pubs/instpubs.sql");
        Database db = result.database();
        assertEquals(List.of(), withCode(result, "MSSQL-SYNTAX-ERROR"));
        assertEquals(List.of(), withCode(result, "MSSQL-UNPARSED-STATEMENT"));
        assertEquals(new TreeSet<>(Set.of("dbo.authors", "dbo.publishers", "dbo.titles", "dbo.titleauthor",
                "dbo.stores", "dbo.sales", "dbo.roysched", "dbo.discounts", "dbo.jobs", "dbo.pub_info",
                "dbo.employee")), tableNames(db));
        assertEquals("pubs", db.name());
        Column auId = db.table(new ObjectName("dbo", "authors")).orElseThrow().column("au_id").orElseThrow();
        assertEquals("varchar(11)", auId.type().sql());
        assertEquals(Optional.of(new ObjectName("dbo", "id")), auId.type().aliasName());
        assertTrue(!auId.nullable(), "the alias type id is NOT NULL");
        Column empId = db.table(new ObjectName("dbo", "employee")).orElseThrow().column("emp_id").orElseThrow();
        assertEquals("char(9)", empId.type().sql());
        assertEquals(Optional.of(new ObjectName("dbo", "empid")), empId.type().aliasName());
        assertEquals(10, db.tables().mapToLong(t -> t.foreignKeys().size()).sum());
        Table titles = db.table(new ObjectName("dbo", "titles")).orElseThrow();
        // REFERENCES publishers(pub_id), and the discount's dec(4,2) is a decimal.
        assertEquals(new ObjectName("dbo", "publishers"), titles.foreignKeys().get(0).referencedTable());
        assertEquals("decimal(4,2)", db.table(new ObjectName("dbo", "discounts")).orElseThrow()
                .column("discount").orElseThrow().type().sql());
        assertEquals(Optional.of("'New Position - title not formalized yet'"),
                db.table(new ObjectName("dbo", "jobs")).orElseThrow().column("job_desc").orElseThrow()
                        .defaultExpression());
        var trigger = db.schema("dbo").orElseThrow().triggers().get(0);
        assertEquals(Optional.of(new ObjectName("dbo", "employee")), trigger.table());
        assertEquals(List.of("INSERT", "UPDATE"), trigger.events());
        assertEquals("FOR", trigger.timing());
        assertEquals(3, db.schema("dbo").orElseThrow().aliasTypes().size());
        assertEquals(4, db.schema("dbo").orElseThrow().procedures().size());
        assertEquals(1, db.schema("dbo").orElseThrow().views().size());
        assertEquals(1, db.schema("dbo").orElseThrow().triggers().size());
        assertEquals(11, db.tables().count());
        // the trigger reads employee and jobs; its inserted pseudo-table is not a dependency
        assertEquals(List.of("dbo.employee", "dbo.jobs"), db.dependenciesOf(new ObjectName("dbo", "employee_insupd"))
                .stream().map(d -> d.to().toString()).toList());
    }

    @Test
    void adventureWorksDw() {
        SourceReadResult result = read("adventureworks-dw/instawdbdw.sql");
        Database db = result.database();
        assertEquals("AdventureWorksDW", db.name()); // from :setvar DatabaseName and USE $(DatabaseName)
        assertEquals(31, db.tables().count());
        assertEquals(26, db.tables().filter(t -> t.name().name().startsWith("Dim") || t.name().name()
                .startsWith("Fact")).count());
        assertEquals(44, db.tables().mapToLong(t -> t.foreignKeys().size()).sum());
        assertEquals(List.of(), withCode(result, "MSSQL-SYNTAX-ERROR"));
        assertEquals(List.of(), withCode(result, "MSSQL-UNPARSED-STATEMENT"));
        Table log = db.table(new ObjectName("dbo", "DatabaseLog")).orElseThrow();
        assertEquals("nvarchar(max)", log.column("TSQL").orElseThrow().type().sql());
        var functions = db.schema("dbo").orElseThrow().functions();
        assertEquals(3, functions.size());
        assertEquals(5, db.schema("dbo").orElseThrow().views().size());
        assertEquals(1, db.schema("dbo").orElseThrow().triggers().size());
        // the DDL trigger writes DatabaseLog; a function calls another
        assertEquals(List.of("WRITE dbo.DatabaseLog"), db.dependenciesOf(new ObjectName("dbo", "ddlDatabaseTriggerLog"))
                .stream().map(d -> d.access() + " " + d.to()).toList());
        assertEquals(List.of("function"), db.dependenciesOf(new ObjectName("dbo", "udfBuildISO8601Date")).stream()
                .map(d -> d.toKind()).distinct().toList());
        assertTrue(db.dependencies().stream().allMatch(d -> d.resolved()));
        assertEquals("datetime", functions.get(0).returnType().orElseThrow().sql());
        var trigger = db.schema("dbo").orElseThrow().triggers().get(0);
        assertTrue(trigger.table().isEmpty(), "a DDL trigger ON DATABASE");
        assertEquals(List.of("DDL_DATABASE_LEVEL_EVENTS"), trigger.events());
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().contains("BULK INSERT statement for "
                + "dbo.DimAccount")));
    }
}
