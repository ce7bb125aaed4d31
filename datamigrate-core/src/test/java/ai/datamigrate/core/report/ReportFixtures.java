package ai.datamigrate.core.report;

import ai.datamigrate.spi.catalog.AliasType;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Dependency;
import ai.datamigrate.spi.catalog.ForeignKey;
import ai.datamigrate.spi.catalog.Function;
import ai.datamigrate.spi.catalog.FunctionKind;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.PrimaryKey;
import ai.datamigrate.spi.catalog.Procedure;
import ai.datamigrate.spi.catalog.ReferentialAction;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.output.ObjectOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small hand-built catalog with one object for every status, its diagnostics and outcomes. */
final class ReportFixtures {

    /** Where the fixture pretends the input lies: absolute, so that tests can check no absolute path leaks. */
    static final Path INPUT = Path.of("/home/someone/projects/shop/shop.sql").toAbsolutePath();
    static final String FILE = INPUT.toString();

    static final ObjectName CUSTOMERS = new ObjectName("dbo", "Customers");
    static final ObjectName ORDERS = new ObjectName("sales", "Orders");
    static final ObjectName BROKEN = new ObjectName("dbo", "Broken");
    static final ObjectName TOTALS = new ObjectName("sales", "Order Totals");
    static final ObjectName FN = new ObjectName("dbo", "fnXml");
    static final ObjectName PROC = new ObjectName("dbo", "Recalc");
    static final ObjectName PHONE = new ObjectName("dbo", "Phone");

    private ReportFixtures() {
    }

    static SourceLocation at(int line) {
        return new SourceLocation(FILE, line, 1);
    }

    static Column column(String name, DataType type) {
        return new Column(name, type, false, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), false, Optional.empty(), at(1));
    }

    static Table table(ObjectName name, int line, List<ForeignKey> fks, Column... columns) {
        return new Table(name, List.of(columns), Optional.of(new PrimaryKey(Optional.empty(),
                List.of(columns[0].name()), true, at(line))), List.of(), fks, List.of(), List.of(), Map.of(),
                Optional.empty(), "CREATE TABLE " + name + " (\n  ...\n)", at(line));
    }

    static Database database(String extraTableName) {
        Table customers = table(CUSTOMERS, 10, List.of(), column("CustomerID", DataType.of("int")),
                column("Phone", DataType.withLength("varchar", 24).withAlias(PHONE)));
        Table orders = table(ORDERS, 20, List.of(new ForeignKey(Optional.of("FK_Orders_Customers"),
                        List.of("CustomerID"), CUSTOMERS, List.of("CustomerID"), ReferentialAction.NO_ACTION,
                        ReferentialAction.NO_ACTION, true, at(25))),
                column("OrderID", DataType.of("int")), column("CustomerID", DataType.of("int")));
        Table broken = table(BROKEN, 30, List.of(), column("Id", DataType.of("int")));
        List<Table> dboTables = extraTableName == null ? List.of(customers, broken)
                : List.of(customers, broken, table(new ObjectName("dbo", extraTableName), 35, List.of(),
                column("Id", DataType.of("int"))));
        View totals = new View(TOTALS, List.of(), false, Optional.empty(),
                "CREATE VIEW sales.[Order Totals] AS\nSELECT o.OrderID\nFROM sales.Orders o", at(40));
        Function fn = new Function(FN, FunctionKind.SCALAR, List.of(), Optional.of(DataType.of("xml")),
                Optional.empty(), "CREATE FUNCTION dbo.fnXml() RETURNS xml AS BEGIN RETURN NULL END", at(50));
        Procedure proc = new Procedure(PROC, List.of(), Optional.empty(),
                String.join("\n", java.util.Collections.nCopies(25, "UPDATE sales.Orders SET x = 1")), at(60));
        AliasType phone = new AliasType(PHONE, DataType.withLength("varchar", 24), true, Optional.empty(),
                "EXEC sp_addtype N'Phone', N'varchar(24)'", at(5));
        Schema dbo = new Schema("dbo", dboTables, List.of(), List.of(proc), List.of(fn), List.of(), List.of(),
                List.of(phone), Optional.empty());
        Schema sales = new Schema("sales", List.of(orders), List.of(totals), List.of(), List.of(), List.of(),
                List.of(), List.of(), Optional.empty());
        List<Dependency> dependencies = List.of(
                new Dependency(TOTALS, ORDERS, "table", Dependency.Access.READ, at(43)),
                new Dependency(PROC, ORDERS, "table", Dependency.Access.WRITE, at(61)),
                new Dependency(PROC, new ObjectName("dbo", "Gone"), "unresolved", Dependency.Access.READ, at(62)));
        return new Database("Shop", List.of(dbo, sales), Optional.empty(), dependencies);
    }

    static List<Diagnostic> diagnostics() {
        return List.of(
                Diagnostic.info("MSSQL-IGNORED-STATEMENT", at(1), "ignored SET NOCOUNT ON"),
                Diagnostic.info("MSSQL-IGNORED-STATEMENT", at(70), "3 INSERT statements").withObject("DBO.customers"),
                Diagnostic.warning("DBT-LOSSY-TYPE", at(21), "money becomes numeric(19,4)").withObject("sales.orders"),
                Diagnostic.error("DBT-TABLE-WITHOUT-COLUMNS", at(30), "cannot stage " + FILE).withObject("dbo.Broken"),
                Diagnostic.warning("DBT-OBJECT-NOT-GENERATED", at(40), "view is not migrated yet")
                        .withObject("sales.Order Totals"),
                Diagnostic.warning("MSSQL-UNSUPPORTED-STATEMENT", at(50), "XML methods are not supported")
                        .withObject("dbo.fnXml"),
                Diagnostic.warning("MSSQL-UNKNOWN-OBJECT", at(62), "dbo.Gone does not exist").withObject("dbo.Gone"));
    }

    static List<ObjectOutcome> outcomes(String extraTableName) {
        List<ObjectOutcome> outcomes = new java.util.ArrayList<>(List.of(
                ObjectOutcome.generated(CUSTOMERS, "table", "stg_shop__customers",
                        List.of("models/staging/shop/stg_shop__customers.sql", "models/staging/shop/_shop__models.yml")),
                ObjectOutcome.generated(ORDERS, "table", "stg_shop_sales__orders",
                        List.of("models/staging/shop_sales/stg_shop_sales__orders.sql")),
                ObjectOutcome.generated(BROKEN, "table", "stg_shop__broken",
                        List.of("models/staging/shop/stg_shop__broken.sql")),
                ObjectOutcome.notGenerated(TOTALS, "view"),
                ObjectOutcome.notGenerated(FN, "function"),
                ObjectOutcome.notGenerated(PHONE, "type")));
        if (extraTableName != null) {
            outcomes.add(ObjectOutcome.generated(new ObjectName("dbo", extraTableName), "table",
                    "stg_shop__" + extraTableName, List.of("models/staging/shop/" + extraTableName + ".sql")));
        }
        return outcomes;
    }

    static ReportHeader header(String command) {
        return new ReportHeader(MigrationReport.FORMAT_VERSION, "9.9.9-test", command, "shop.sql", "Shop", "mssql",
                "postgres", "dbt");
    }

    static MigrationReport report(String extraTableName, boolean assess) {
        ReportBuilder builder = ReportBuilder.of(header(assess ? "assess" : "migrate"), database(extraTableName))
                .diagnostics(diagnostics()).outcomes(outcomes(extraTableName)).input(INPUT);
        return (assess ? builder.withEffortEstimate() : builder).build();
    }

    static MigrationReport report() {
        return report(null, false);
    }
}
