package ai.datamigrate.plugin.mssql.internal.live;

import static ai.datamigrate.plugin.mssql.internal.live.LiveFixtures.URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.catalog.AliasType;
import ai.datamigrate.spi.catalog.CheckConstraint;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ForeignKey;
import ai.datamigrate.spi.catalog.Function;
import ai.datamigrate.spi.catalog.FunctionKind;
import ai.datamigrate.spi.catalog.Identity;
import ai.datamigrate.spi.catalog.Index;
import ai.datamigrate.spi.catalog.IndexColumn;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Parameter;
import ai.datamigrate.spi.catalog.PrimaryKey;
import ai.datamigrate.spi.catalog.Procedure;
import ai.datamigrate.spi.catalog.ReferentialAction;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.Sequence;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.Trigger;
import ai.datamigrate.spi.catalog.UniqueConstraint;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.source.SourceReadResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The mapping from captured {@code sys.*} rows of a Northwind subset to the catalog, compared whole. */
class CatalogMapperTest {

    private static final ObjectName CUSTOMER_CODE = new ObjectName("dbo", "CustomerCode");
    private static final DataType CODE = DataType.withLength("nchar", 5).withAlias(CUSTOMER_CODE);
    private static final DataType INT = DataType.of("int");
    private static final DataType MONEY = DataType.of("money");
    private static final DataType NVARCHAR_40 = DataType.withLength("nvarchar", 40);

    private final SourceReadResult result = CatalogMapper.map(LiveFixtures.northwind(), URL);

    @Test
    void mapsTheNorthwindRowsToExactlyThisCatalog() {
        Schema dbo = new Schema("dbo",
                List.of(customers(), orderDetails(), orders(), products(), productsHistory()),
                List.of(new View(name("Order Subtotals"), List.of(), false, Optional.of("Subtotal per order"),
                        "create view \"Order Subtotals\" AS\r\nSELECT \"Order Details\".OrderID, Sum(CONVERT(money,"
                                + "(\"Order Details\".UnitPrice*Quantity*(1-Discount)/100))*100) AS Subtotal\r\n"
                                + "FROM \"Order Details\"\r\nGROUP BY \"Order Details\".OrderID\r\n",
                        at("Order Subtotals"))),
                List.of(new Procedure(name("CustOrderHist"),
                                List.of(parameter("@CustomerID", DataType.withLength("nchar", 5))), Optional.empty(),
                                "CREATE PROCEDURE CustOrderHist @CustomerID nchar(5)\r\nAS\r\n"
                                        + "SELECT ProductName, Total=SUM(Quantity)\r\n"
                                        + "FROM Products P, [Order Details] OD, Orders O, Customers C\r\n"
                                        + "WHERE C.CustomerID = @CustomerID\r\nAND C.CustomerID = O.CustomerID AND "
                                        + "O.OrderID = OD.OrderID AND OD.ProductID = P.ProductID\r\n"
                                        + "GROUP BY ProductName\r\n", at("CustOrderHist")),
                        new Procedure(name("SecretProc"), List.of(), Optional.empty(), "", at("SecretProc"))),
                List.of(new Function(name("fn_CustomerOrders"), FunctionKind.INLINE_TABLE_VALUED,
                                List.of(parameter("@CustomerID", DataType.withLength("nchar", 5)),
                                        parameter("@Since", DataType.of("datetime"))),
                                Optional.empty(), Optional.empty(),
                                "CREATE FUNCTION dbo.fn_CustomerOrders (@CustomerID nchar(5), @Since datetime = NULL)"
                                        + "\r\nRETURNS TABLE\r\nAS\r\nRETURN SELECT OrderID, OrderDate FROM dbo.Orders"
                                        + " WHERE CustomerID = @CustomerID\r\n", at("fn_CustomerOrders")),
                        new Function(name("fn_OrderCount"), FunctionKind.SCALAR,
                                List.of(parameter("@CustomerID", CODE)), Optional.of(INT), Optional.empty(),
                                "CREATE FUNCTION dbo.fn_OrderCount (@CustomerID dbo.CustomerCode)\r\n"
                                        + "RETURNS int WITH SCHEMABINDING\r\nAS\r\nBEGIN\r\n  RETURN (SELECT COUNT(*) "
                                        + "FROM dbo.Orders WHERE CustomerID = @CustomerID)\r\nEND\r\n",
                                at("fn_OrderCount"))),
                List.of(new Trigger(name("trg_Ddl_Audit"), Optional.empty(), "AFTER",
                                List.of("DDL_DATABASE_LEVEL_EVENTS"), Optional.empty(),
                                "CREATE TRIGGER trg_Ddl_Audit ON DATABASE FOR DDL_DATABASE_LEVEL_EVENTS AS RETURN\r\n",
                                at("trg_Ddl_Audit")),
                        new Trigger(name("trg_Orders_Audit"), Optional.of(name("Orders")), "AFTER",
                                List.of("INSERT", "UPDATE"), Optional.empty(),
                                "CREATE TRIGGER trg_Orders_Audit ON dbo.Orders AFTER INSERT, UPDATE AS SET NOCOUNT ON"
                                        + "\r\n", at("trg_Orders_Audit"))),
                List.of(new Sequence(name("OrderNumbers"), DataType.of("bigint"), OptionalLong.of(1000),
                        OptionalLong.of(1), OptionalLong.of(1000), OptionalLong.of(Long.MAX_VALUE), false,
                        Optional.empty(), "", at("OrderNumbers"))),
                List.of(new AliasType(CUSTOMER_CODE, DataType.withLength("nchar", 5), false,
                        Optional.of("Five-letter customer code"), "", at("CustomerCode"))),
                Optional.of("Default schema"));
        // guest, INFORMATION_SCHEMA, sys and db_owner hold nothing of the user's; staging was created by the user
        Schema staging = new Schema("staging", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), Optional.empty());
        Database expected = new Database("Northwind", List.of(dbo, staging),
                Optional.of("Northwind, read from a live server"), List.of());

        assertEquals(expected.schemas().get(0).tables(), result.database().schemas().get(0).tables());
        assertEquals(expected, result.database());
    }

    @Test
    void reportsWhatItCannotMapWithTheObjectAndItsLocation() {
        assertEquals(List.of(
                URL + "#dbo.Clients:1:1: warning MSSQL-LIVE-UNMAPPED-OBJECT [dbo.Clients] synonym dbo.Clients is "
                        + "not read: the catalog has no place for it",
                URL + "#dbo.ClrProc:1:1: warning MSSQL-LIVE-UNMAPPED-OBJECT [dbo.ClrProc] CLR procedure dbo.ClrProc "
                        + "is not read: the catalog has no place for it",
                URL + "#dbo.SecretProc:1:1: warning MSSQL-LIVE-UNREADABLE-DEFINITION [dbo.SecretProc] the server "
                        + "does not show the definition of procedure dbo.SecretProc (WITH ENCRYPTION, or no VIEW "
                        + "DEFINITION permission)",
                URL + "#dbo.trg_Ddl_Audit:1:1: info MSSQL-LIVE-DISABLED [dbo.trg_Ddl_Audit] trigger "
                        + "dbo.trg_Ddl_Audit is disabled on the server"),
                result.diagnostics().stream().map(Diagnostic::format).toList());
    }

    @Test
    void doesNotDependOnTheOrderOfTheRows() {
        assertEquals(result, CatalogMapper.map(LiveFixtures.reversed(LiveFixtures.northwind()), URL));
    }

    // ------------------------------------------------------------------ expected tables

    private static Table customers() {
        SourceLocation at = at("Customers");
        return new Table(name("Customers"), List.of(
                column("CustomerID", CODE, false, at),
                column("CompanyName", NVARCHAR_40, false, at),
                new Column("Phone", DataType.withLength("nvarchar", 24), true, Optional.empty(), Optional.empty(),
                        Optional.empty(), false, Optional.of("Latin1_General_BIN2"), false, Optional.empty(), at)),
                Optional.of(new PrimaryKey(Optional.of("PK_Customers"), List.of("CustomerID"), true, at)),
                List.of(), List.of(), List.of(), List.of(), Map.of(), Optional.of("Customers of Northwind"), "", at);
    }

    private static Table orders() {
        SourceLocation at = at("Orders");
        return new Table(name("Orders"), List.of(
                new Column("OrderID", INT, false, Optional.of(new Identity(1, 1)), Optional.empty(),
                        Optional.empty(), false, Optional.empty(), false, Optional.empty(), at),
                column("CustomerID", CODE, true, at),
                withDefault(column("OrderDate", DataType.of("datetime"), true, at), "getdate()"),
                withDefault(column("Freight", MONEY, true, at), "0").withDescription("Shipping cost")),
                Optional.of(new PrimaryKey(Optional.of("PK_Orders"), List.of("OrderID"), true, at)),
                List.of(),
                List.of(new ForeignKey(Optional.of("FK_Orders_Customers"), List.of("CustomerID"), name("Customers"),
                        List.of("CustomerID"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, true, at)),
                List.of(),
                List.of(new Index("CustomerID", List.of(new IndexColumn("CustomerID", false)), List.of(), false, false,
                                "rowstore", Optional.empty(), at),
                        new Index("OrderDate", List.of(new IndexColumn("OrderDate", true)), List.of("Freight"), false,
                                false, "rowstore", Optional.empty(), at)),
                Map.of(), Optional.empty(), "", at);
    }

    private static Table orderDetails() {
        SourceLocation at = at("Order Details");
        return new Table(name("Order Details"), List.of(
                column("OrderID", INT, false, at),
                column("ProductID", INT, false, at),
                withDefault(column("UnitPrice", MONEY, false, at), "0"),
                withDefault(column("Quantity", DataType.of("smallint"), false, at), "1"),
                withDefault(column("Discount", DataType.of("real"), false, at), "0"),
                new Column("LineTotal", MONEY, true, Optional.empty(), Optional.empty(),
                        Optional.of("[UnitPrice]*[Quantity]"), true, Optional.empty(), false, Optional.empty(), at)),
                Optional.of(new PrimaryKey(Optional.of("PK_Order_Details"), List.of("OrderID", "ProductID"), true, at)),
                List.of(),
                List.of(new ForeignKey(Optional.of("FK_Order_Details_Orders"), List.of("OrderID"), name("Orders"),
                                List.of("OrderID"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION, true, at),
                        new ForeignKey(Optional.of("FK_Order_Details_Products"), List.of("ProductID"),
                                name("Products"), List.of("ProductID"), ReferentialAction.NO_ACTION,
                                ReferentialAction.CASCADE, false, at)),
                List.of(new CheckConstraint(Optional.of("CK_Discount"), "[Discount]>=(0) AND [Discount]<=(1)",
                                Optional.of("Discount"), true, at),
                        new CheckConstraint(Optional.of("CK_Quantity"), "[Quantity]>(0)", Optional.of("Quantity"),
                                true, at)),
                List.of(new Index("NCCI_Order_Details", List.of(new IndexColumn("OrderID", false),
                        new IndexColumn("Quantity", false)), List.of(), false, false, "columnstore", Optional.empty(),
                        at)),
                Map.of(), Optional.empty(), "", at);
    }

    private static Table products() {
        SourceLocation at = at("Products");
        return new Table(name("Products"), List.of(
                new Column("ProductID", INT, false, Optional.of(new Identity(100, 10)), Optional.empty(),
                        Optional.empty(), false, Optional.empty(), false, Optional.empty(), at),
                column("ProductName", NVARCHAR_40, false, at),
                withDefault(column("UnitPrice", MONEY, true, at), "0"),
                column("ValidFrom", DataType.of("datetime2"), false, at),
                column("ValidTo", DataType.of("datetime2"), false, at),
                column("Picture", DataType.withMaxLength("varbinary"), true, at)),
                // PK__Products__B40CC6EDB4A6F0C8 was named by the server, not by the author
                Optional.of(new PrimaryKey(Optional.empty(), List.of("ProductID"), true, at)),
                List.of(new UniqueConstraint(Optional.of("UQ_Products_ProductName"), List.of("ProductName"), false,
                        at)),
                List.of(),
                List.of(new CheckConstraint(Optional.of("CK_Products_UnitPrice"), "[UnitPrice]>=(0)",
                        Optional.empty(), true, at)),
                List.of(new Index("IX_Products_Cheap", List.of(new IndexColumn("UnitPrice", false)), List.of(), false,
                        false, "rowstore", Optional.of("[UnitPrice]<(10)"), at)),
                Map.of("generated ValidFrom", "GENERATED ALWAYS AS ROW START",
                        "generated ValidTo", "GENERATED ALWAYS AS ROW END",
                        "period", "PERIOD FOR SYSTEM_TIME ([ValidFrom], [ValidTo])",
                        "temporal_type", "SYSTEM_VERSIONED_TEMPORAL_TABLE",
                        "history_table", "[dbo].[ProductsHistory]"),
                Optional.empty(), "", at);
    }

    private static Table productsHistory() {
        SourceLocation at = at("ProductsHistory");
        return new Table(name("ProductsHistory"), List.of(
                column("ProductID", INT, false, at),
                column("ProductName", NVARCHAR_40, false, at),
                column("UnitPrice", MONEY, true, at),
                column("ValidFrom", DataType.of("datetime2"), false, at),
                column("ValidTo", DataType.of("datetime2"), false, at),
                column("Picture", DataType.withMaxLength("varbinary"), true, at)),
                Optional.empty(), List.of(), List.of(), List.of(),
                // the server creates this index with the history table
                List.of(new Index("ix_ProductsHistory", List.of(new IndexColumn("ValidTo", false),
                        new IndexColumn("ValidFrom", false)), List.of(), false, true, "rowstore", Optional.empty(), at)),
                Map.of("temporal_type", "HISTORY_TABLE", "history_of", "[dbo].[Products]"),
                Optional.empty(), "", at);
    }

    // ------------------------------------------------------------------ helpers

    private static ObjectName name(String name) {
        return new ObjectName("dbo", name);
    }

    private static SourceLocation at(String name) {
        return new SourceLocation(URL + "#dbo." + name, 1, 1);
    }

    private static Column column(String name, DataType type, boolean nullable, SourceLocation at) {
        return new Column(name, type, nullable, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), false, Optional.empty(), at);
    }

    private static Column withDefault(Column c, String expression) {
        return new Column(c.name(), c.type(), c.nullable(), c.identity(), Optional.of(expression),
                c.computedExpression(), c.persisted(), c.collation(), c.rowGuid(), c.description(), c.location());
    }

    private static Parameter parameter(String name, DataType type) {
        return new Parameter(name, type, Optional.empty(), false, false);
    }

    // ------------------------------------------------------------------ smaller cases

    @Test
    void stripsOnlyTheParenthesesThatWrapTheWholeExpression() {
        assertEquals("0", CatalogMapper.stripOuterParentheses("((0))"));
        assertEquals("getdate()", CatalogMapper.stripOuterParentheses("(getdate())"));
        assertEquals("N'(x'", CatalogMapper.stripOuterParentheses("(N'(x')"));
        assertEquals("'it''s)'", CatalogMapper.stripOuterParentheses("('it''s)')"));
        assertEquals("[a)]>(0)", CatalogMapper.stripOuterParentheses("([a)]>(0))"));
        assertEquals("(a)+(b)", CatalogMapper.stripOuterParentheses("(a)+(b)"));
        assertEquals("[Discount]>=(0) AND [Discount]<=(1)",
                CatalogMapper.stripOuterParentheses("([Discount]>=(0) AND [Discount]<=(1))"));
        assertEquals("''", CatalogMapper.stripOuterParentheses("('')"));
        assertEquals("(unbalanced", CatalogMapper.stripOuterParentheses("(unbalanced"));
    }

    @Test
    void spellsSystemTypesAsAScriptWouldDeclareThem() {
        assertEquals("nvarchar(max)", CatalogMapper.baseType("nvarchar", -1, 0, 0).sql());
        assertEquals("nchar(10)", CatalogMapper.baseType("nchar", 20, 0, 0).sql());
        assertEquals("varchar(50)", CatalogMapper.baseType("varchar", 50, 0, 0).sql());
        assertEquals("decimal(18,2)", CatalogMapper.baseType("decimal", 9, 18, 2).sql());
        assertEquals("datetime2(3)", CatalogMapper.baseType("datetime2", 7, 23, 3).sql());
        assertEquals(new DataType("datetime2", OptionalInt.empty(), OptionalInt.of(3), OptionalInt.empty(), false,
                Optional.empty()), CatalogMapper.baseType("datetime2", 7, 23, 3));
        assertEquals("time", CatalogMapper.baseType("time", 5, 16, 7).sql());
        assertEquals("float", CatalogMapper.baseType("float", 8, 53, 0).sql());
        assertEquals("hierarchyid", CatalogMapper.baseType("hierarchyid", 892, 0, 0).sql());
    }

    @Test
    void reportsClrTypesIdentitiesOutOfRangeAndExternalTables() {
        SourceReadResult read = CatalogMapper.map(LiveFixtures.rows("""
                {"databaseName": "db", "schemas": [{"schemaId": 1, "name": "dbo"}],
                 "types": [{"userTypeId": 300, "schemaId": 1, "name": "Point", "baseName": null, "maxLength": -1,
                            "precision": 0, "scale": 0, "nullable": true, "assemblyType": true}],
                 "tables": [{"objectId": 10, "schemaId": 1, "name": "Places", "temporalType": 0, "historyTableId": 0,
                             "memoryOptimized": false, "external": false, "dataSpaceName": "ps_year",
                             "dataSpaceType": "PS"},
                            {"objectId": 11, "schemaId": 1, "name": "Remote", "temporalType": 0, "historyTableId": 0,
                             "memoryOptimized": false, "external": true}],
                 "columns": [
                   {"objectId": 10, "columnId": 1, "name": "Id", "nullable": false, "identity": true,
                    "type": {"name": "decimal", "schema": "sys", "userDefined": false, "baseName": "decimal",
                             "maxLength": 17, "precision": 38, "scale": 0}},
                   {"objectId": 10, "columnId": 2, "name": "Location", "nullable": true,
                    "type": {"name": "Point", "schema": "dbo", "userDefined": true, "baseName": null,
                             "maxLength": -1, "precision": 0, "scale": 0}}],
                 "identities": [{"objectId": 10, "columnId": 1, "seed": null, "increment": 1}]}
                """), "jdbc:sqlserver://h");
        Table places = read.database().table(new ObjectName("dbo", "Places")).orElseThrow();
        assertEquals(Optional.empty(), places.columns().get(0).identity());
        assertEquals("decimal(38,0)", places.columns().get(0).type().sql());
        assertEquals(DataType.of("Point").withAlias(new ObjectName("dbo", "Point")), places.columns().get(1).type());
        assertEquals(Map.of("partition_scheme", "ps_year"), places.properties());
        assertTrue(read.database().table(new ObjectName("dbo", "Remote")).isEmpty());
        assertTrue(read.database().schemas().get(0).aliasTypes().isEmpty());
        assertEquals(List.of(
                        "MSSQL-LIVE-UNMAPPED-OBJECT dbo.Remote",
                        "MSSQL-LIVE-UNMAPPED-TYPE dbo.Places",
                        "MSSQL-LIVE-UNMAPPED-TYPE dbo.Point",
                        "MSSQL-LIVE-VALUE-OUT-OF-RANGE dbo.Places"),
                read.diagnostics().stream().map(d -> d.code() + " " + d.object().orElse("")).sorted().toList());
    }

    @Test
    void skipsAnObjectOfAnUnlistedSchemaWithADiagnostic() {
        SourceReadResult read = CatalogMapper.map(LiveFixtures.rows("""
                {"databaseName": "db", "schemas": [{"schemaId": 1, "name": "dbo"}],
                 "views": [{"objectId": 5, "schemaId": 42, "name": "Lost", "type": "V", "definition": "x",
                            "schemaBound": false}]}
                """), "jdbc:sqlserver://h");
        assertEquals(List.of(), read.database().schemas().get(0).views());
        assertEquals(1, read.diagnostics().size());
        assertEquals("jdbc:sqlserver://h: warning MSSQL-LIVE-UNMAPPED-OBJECT [Lost] view Lost is in schema 42, which "
                + "the server did not list; skipped", read.diagnostics().get(0).format());
    }
}
