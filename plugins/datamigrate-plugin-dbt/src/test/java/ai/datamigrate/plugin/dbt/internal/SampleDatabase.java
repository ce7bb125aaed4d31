package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.plugin.postgres.internal.PostgresTargetDialect;
import ai.datamigrate.spi.catalog.CheckConstraint;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ForeignKey;
import ai.datamigrate.spi.catalog.Identity;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.PrimaryKey;
import ai.datamigrate.spi.catalog.ReferentialAction;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.UniqueConstraint;
import ai.datamigrate.spi.output.OutputRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small Northwind-like catalog with the awkward cases the dbt target must handle. */
final class SampleDatabase {

    static final String FILE = "northwind.sql";
    static final String CUSTOMERS_DESCRIPTION = "Who \"buys\" from us.\nOne row per customer: it's the master.";
    static final String JINJA_DESCRIPTION = "Looks like Jinja: {{ not_a_macro() }}";

    private SampleDatabase() {
    }

    static SourceLocation at(int line) {
        return new SourceLocation(FILE, line, 5);
    }

    static Column column(String name, DataType type, boolean nullable, int line) {
        return new Column(name, type, nullable, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), false, Optional.empty(), at(line));
    }

    static Table table(String schema, String name, int line, Optional<PrimaryKey> pk, List<UniqueConstraint> uniques,
                       List<ForeignKey> fks, Optional<String> description, Column... columns) {
        return new Table(new ObjectName(schema, name), Arrays.asList(columns), pk, uniques, fks, List.of(),
                List.of(), Map.of(), description, "CREATE TABLE ...", at(line));
    }

    static Optional<PrimaryKey> pk(int line, String... columns) {
        return Optional.of(new PrimaryKey(Optional.empty(), List.of(columns), true, at(line)));
    }

    static ForeignKey fk(String column, String schema, String table, String referenced, int line) {
        return new ForeignKey(Optional.of("FK_" + table + "_" + column), List.of(column),
                new ObjectName(schema, table), List.of(referenced), ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION, true, at(line));
    }

    static Schema schema(String name, Table... tables) {
        return new Schema(name, Arrays.asList(tables), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), Optional.empty());
    }

    static Database database() {
        Table customers = table("dbo", "Customers", 1, pk(7, "CustomerID"), List.of(), List.of(),
                Optional.of(CUSTOMERS_DESCRIPTION),
                column("CustomerID", DataType.withLength("nchar", 5), false, 2),
                column("CompanyName", DataType.withLength("nvarchar", 40), false, 3)
                        .withDescription("The customer's \"legal\" name"),
                column("User", DataType.withLength("nvarchar", 30), true, 4),
                column("HomePage", DataType.of("ntext"), true, 5).withDescription(JINJA_DESCRIPTION),
                column("Location", DataType.of("geography"), true, 6));
        Table orders = table("dbo", "Orders", 10, pk(16, "OrderID"), List.of(),
                List.of(fk("CustomerID", "dbo", "Customers", "CustomerID", 17)), Optional.empty(),
                new Column("OrderID", DataType.of("int"), false, Optional.of(new Identity(1, 1)), Optional.empty(),
                        Optional.empty(), false, Optional.empty(), false, Optional.empty(), at(11)),
                column("CustomerID", DataType.withLength("nchar", 5), true, 12),
                column("Order", DataType.of("int"), true, 13),
                column("OrderDate", DataType.of("datetime"), true, 14),
                column("Freight", DataType.of("money"), true, 15));
        Column lineTotal = new Column("LineTotal", DataType.withPrecision("decimal", 19, 4), true, Optional.empty(),
                Optional.empty(), Optional.of("[UnitPrice]*[Quantity]"), false, Optional.empty(), false,
                Optional.empty(), at(26));
        Table orderDetails = table("dbo", "Order Details", 20, pk(27, "OrderID", "ProductID"), List.of(),
                List.of(fk("OrderID", "dbo", "Orders", "OrderID", 28)), Optional.empty(),
                column("OrderID", DataType.of("int"), false, 21),
                column("ProductID", DataType.of("int"), false, 22),
                column("UnitPrice", DataType.of("money"), false, 23),
                column("Quantity", DataType.of("smallint"), false, 24),
                column("Weight Kg", DataType.withPrecision("decimal", 9, 3), true, 25),
                lineTotal);
        Table region = table("Sales", "Region", 30,
                pk(33, "RegionID"), List.of(new UniqueConstraint(Optional.of("UQ_Region"), List.of("RegionCode"),
                        false, at(34)), new UniqueConstraint(Optional.empty(), List.of("RegionCode", "Name"), false,
                        at(35))),
                List.of(), Optional.of("Sales regions"),
                column("RegionID", DataType.of("int"), false, 31),
                column("RegionCode", DataType.withLength("varchar", 8), false, 32),
                column("Name", DataType.withMaxLength("nvarchar"), true, 32));
        return new Database("Northwind Mini", List.of(schema("dbo", customers, orders, orderDetails),
                schema("Sales", region)), Optional.empty());
    }

    static CheckConstraint check(String name, String expression, int line) {
        return new CheckConstraint(Optional.of(name), expression, Optional.empty(), true, at(line));
    }

    /** A system-versioned table, with the properties the mssql reader records for it. */
    static Table temporalEmployee() {
        Column validFrom = column("ValidFrom", DataType.withPrecision("datetime2", 7, 0), false, 43);
        return new Table(new ObjectName("Sales", "Employee"), List.of(
                column("EmployeeID", DataType.of("int"), false, 41),
                column("Name", DataType.withLength("nvarchar", 50), false, 42),
                validFrom,
                column("ValidTo", DataType.withPrecision("datetime2", 7, 0), false, 44)),
                pk(45, "EmployeeID"), List.of(), List.of(), List.of(), List.of(),
                Map.of("period", "PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo)",
                        "generated ValidFrom", "GENERATED ALWAYS AS ROW START",
                        "generated ValidTo", "GENERATED ALWAYS AS ROW END",
                        "with", "SYSTEM_VERSIONING = ON (HISTORY_TABLE = Sales.EmployeeHistory)"),
                Optional.empty(), "CREATE TABLE ...", at(40));
    }

    /**
     * The sample plus what the richer features need: CHECK constraints of every translation kind (value lists,
     * conditions, LIKE patterns, one that cannot be translated), defaults, an obvious last-modified column and a
     * system-versioned table.
     */
    static Database databaseWithChecksAndHistory() {
        Database base = database();
        Table orders = base.table(new ObjectName("dbo", "Orders")).orElseThrow();
        List<Column> columns = new java.util.ArrayList<>(orders.columns());
        columns.set(3, new Column("OrderDate", DataType.of("datetime"), true, Optional.empty(), Optional.of("getdate()"),
                Optional.empty(), false, Optional.empty(), false, Optional.empty(), at(14)));
        columns.add(column("Status", DataType.withLength("nvarchar", 10), true, 18));
        columns.add(column("Rush", DataType.of("bit"), true, 19));
        columns.add(column("ShipCode", DataType.withLength("varchar", 6), true, 19));
        columns.add(column("ModifiedDate", DataType.of("datetime"), false, 19));
        Table checkedOrders = new Table(orders.name(), columns, orders.primaryKey(), orders.uniqueConstraints(),
                orders.foreignKeys(), List.of(
                        check("CK_Orders_Freight", "[Freight] >= 0", 50),
                        check("CK_Orders_OrderDate", "OrderDate < getdate() AND OrderDate >= '19900101'", 51),
                        check("CK_Orders_Status", "Status = N'new' OR [Status] = N'shipped'", 52),
                        check("CK_Orders_Rush", "Rush IN (0, 1)", 53),
                        check("CK_Orders_ShipCode", "ShipCode LIKE '[A-Z][A-Z]-[0-9]%' OR ShipCode IS NULL", 54),
                        check("CK_Orders_Customer", "dbo.fn_customer_ok(CustomerID) = 1", 55)),
                orders.indexes(), orders.properties(), orders.description(), orders.definition(), orders.location());
        List<Schema> schemas = new java.util.ArrayList<>();
        for (Schema schema : base.schemas()) {
            if (schema.name().equals("dbo")) {
                schemas.add(schema("dbo", schema.tables().stream().map(t -> t.name().equals(orders.name())
                        ? checkedOrders : t).toArray(Table[]::new)));
            } else {
                List<Table> tables = new java.util.ArrayList<>(schema.tables());
                tables.add(temporalEmployee());
                schemas.add(schema(schema.name(), tables.toArray(Table[]::new)));
            }
        }
        return new Database(base.name(), schemas, base.description());
    }

    static OutputRequest request() {
        return request(database());
    }

    static OutputRequest request(Database database) {
        return new OutputRequest(database, new PostgresTargetDialect(), List.of());
    }
}
