package ai.datamigrate.plugin.mssql.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ForeignKey;
import ai.datamigrate.spi.catalog.Identity;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Procedure;
import ai.datamigrate.spi.catalog.ReferentialAction;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.source.SourceReadResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LegacyShopReaderTest {

    private static SourceReadResult result;
    private static Database db;

    @BeforeAll
    static void read() {
        result = TestFiles.read(TestFiles.legacyShop());
        db = result.database();
    }

    private static Table table(String schema, String name) {
        return db.table(new ObjectName(schema, name)).orElseThrow(() -> new AssertionError("no table " + name));
    }

    private static Column column(Table table, String name) {
        return table.column(name).orElseThrow(() -> new AssertionError("no column " + name));
    }

    @Test
    void databaseNameComesFromUse() {
        assertEquals("LegacyShop", db.name());
    }

    @Test
    void readsExactlyTheSevenTablesInSchemaOrder() {
        assertEquals(List.of("dbo", "sales"), db.schemas().stream().map(Schema::name).toList());
        assertEquals(List.of("dbo.Customers", "dbo.Product Categories", "dbo.Products", "dbo.PriceList",
                "sales.Orders", "sales.Order Lines", "sales.CustomerSales"), db.tables().map(t -> t.name().toString())
                .toList());
    }

    @Test
    void columnTypesNullabilityIdentityAndDefaults() {
        Table customers = table("dbo", "customers");
        assertEquals(List.of("CustomerID", "CompanyName", "ContactName", "Email", "Phone", "Country", "CreatedAt"),
                customers.columns().stream().map(Column::name).toList());
        Column id = column(customers, "CustomerID");
        assertEquals("int", id.type().sql());
        assertFalse(id.nullable());
        assertEquals(Optional.of(new Identity(1, 1)), id.identity());
        assertEquals("nvarchar(40)", column(customers, "CompanyName").type().sql());
        assertTrue(column(customers, "ContactName").nullable());
        assertEquals(Optional.of("N'USA'"), column(customers, "Country").defaultExpression());
        assertEquals(Optional.of("getdate()"), column(customers, "CreatedAt").defaultExpression());
        assertFalse(column(customers, "CreatedAt").nullable());

        Table products = table("dbo", "Products");
        assertEquals(Optional.of(new Identity(100, 1)), column(products, "ProductID").identity());
        assertEquals("decimal(9,3)", column(products, "Weight Kg").type().sql());
        assertEquals(Optional.of("0"), column(products, "Discontinued").defaultExpression());
        assertEquals(Optional.of("0"), column(products, "UnitPrice").defaultExpression());
        Column rowGuid = column(products, "RowGuid");
        assertTrue(rowGuid.rowGuid());
        assertEquals(Optional.of("newid()"), rowGuid.defaultExpression());
        assertEquals("ntext", column(table("dbo", "Product Categories"), "Description").type().sql());
        assertEquals(Optional.of("'N'"), column(table("sales", "Orders"), "Status").defaultExpression());
    }

    @Test
    void aliasTypePhoneResolvesToVarchar24() {
        Column phone = column(table("dbo", "Customers"), "Phone");
        assertEquals("varchar", phone.type().name());
        assertEquals(24, phone.type().length().getAsInt());
        assertEquals(Optional.of(new ObjectName("dbo", "Phone")), phone.type().aliasName());
        assertTrue(phone.nullable());
        assertEquals(1, db.schema("dbo").orElseThrow().aliasTypes().size());
    }

    @Test
    void primaryKeysAndUniqueConstraints() {
        Table customers = table("dbo", "Customers");
        assertEquals(Optional.of("PK_Customers"), customers.primaryKey().orElseThrow().name());
        assertEquals(List.of("CustomerID"), customers.primaryKey().orElseThrow().columns());
        assertTrue(customers.primaryKey().orElseThrow().clustered());
        assertEquals(List.of("Email"), customers.uniqueConstraints().get(0).columns());
        assertEquals(Optional.of("UQ_Customers_Email"), customers.uniqueConstraints().get(0).name());

        Table categories = table("dbo", "Product Categories");
        assertEquals(List.of("CategoryID"), categories.primaryKey().orElseThrow().columns());
        assertTrue(categories.primaryKey().orElseThrow().name().isEmpty());
        assertEquals(List.of("CategoryName"), categories.uniqueConstraints().get(0).columns());

        assertEquals(Optional.of("PK_Products"), table("dbo", "Products").primaryKey().orElseThrow().name());
        assertFalse(table("sales", "Orders").primaryKey().orElseThrow().clustered());
        assertEquals(List.of("OrderID", "LineNo"), table("sales", "Order Lines").primaryKey().orElseThrow().columns());
    }

    @Test
    void foreignKeysIncludingAlterTableAndCascade() {
        ForeignKey category = table("dbo", "Products").foreignKeys().get(0);
        assertEquals(new ObjectName("dbo", "Product Categories"), category.referencedTable());
        assertEquals(List.of("CategoryID"), category.columns());
        assertEquals(List.of("CategoryID"), category.referencedColumns());

        ForeignKey customer = table("sales", "Orders").foreignKeys().get(0);
        assertEquals(Optional.of("FK_Orders_Customers"), customer.name());
        assertEquals(new ObjectName("dbo", "Customers"), customer.referencedTable());
        assertTrue(customer.enforced());
        assertEquals(76, customer.location().line());

        List<ForeignKey> lines = table("sales", "Order Lines").foreignKeys();
        assertEquals(List.of("FK_OrderLines_Orders", "FK_OrderLines_Products"),
                lines.stream().map(fk -> fk.name().orElseThrow()).toList());
        assertEquals(ReferentialAction.CASCADE, lines.get(0).onDelete());
        assertEquals(ReferentialAction.NO_ACTION, lines.get(0).onUpdate());
        assertEquals(ReferentialAction.NO_ACTION, lines.get(1).onDelete());
        assertEquals(new ObjectName("sales", "Orders"), lines.get(0).referencedTable());
    }

    @Test
    void checkConstraintsKeepTheirSourceText() {
        var productCheck = table("dbo", "Products").checkConstraints().get(0);
        assertEquals(Optional.of("CK_Products_UnitPrice"), productCheck.name());
        assertEquals("[UnitPrice] >= 0", productCheck.expression());
        assertEquals(Optional.of("UnitPrice"), productCheck.column());
        var statusCheck = table("sales", "Orders").checkConstraints().get(0);
        assertEquals("[Status] IN ('N', 'S', 'C')", statusCheck.expression());
        assertTrue(statusCheck.column().isEmpty());
        assertEquals("[Quantity] > 0", table("sales", "Order Lines").checkConstraints().get(0).expression());
    }

    @Test
    void indexWithIncludedColumns() {
        var index = table("sales", "Orders").indexes().get(0);
        assertEquals("IX_Orders_CustomerID", index.name());
        assertEquals("CustomerID", index.columns().get(0).name());
        assertFalse(index.columns().get(0).descending());
        assertEquals(List.of("OrderDate"), index.includedColumns());
        assertFalse(index.unique());
        assertFalse(index.clustered());
    }

    @Test
    void tableDescriptionFromExtendedProperty() {
        assertEquals(Optional.of("People and companies that buy from the shop."),
                table("dbo", "Customers").description());
        assertTrue(table("dbo", "Products").description().isEmpty());
    }

    @Test
    void viewAndProcedureAreCapturedWithTheirText() {
        View view = db.schema("sales").orElseThrow().views().get(0);
        assertEquals(new ObjectName("sales", "Order Totals"), view.name());
        assertTrue(view.definition().startsWith("CREATE VIEW [sales].[Order Totals] AS\nSELECT"), view.definition());
        assertTrue(view.definition().endsWith("GROUP BY o.[OrderID], o.[CustomerID]"), view.definition());
        assertEquals(89, view.location().line());

        Procedure procedure = db.schema("dbo").orElseThrow().procedures().get(0);
        assertEquals(new ObjectName("dbo", "CustomerOrderCount"), procedure.name());
        assertEquals(1, procedure.parameters().size());
        assertEquals("@CustomerID", procedure.parameters().get(0).name());
        assertEquals("int", procedure.parameters().get(0).type().sql());
        assertTrue(procedure.definition().endsWith("WHERE [CustomerID] = @CustomerID"), procedure.definition());
        assertEquals(96, procedure.location().line());
    }

    @Test
    void locationsAndDefinitions() {
        Table customers = table("dbo", "Customers");
        String file = TestFiles.legacyShop().toString();
        assertEquals(file, customers.location().file());
        assertEquals(20, customers.location().line());
        assertEquals(1, customers.location().column());
        assertEquals(21, column(customers, "CustomerID").location().line());
        assertEquals(5, column(customers, "CustomerID").location().column());
        assertEquals(33, table("dbo", "Product Categories").location().line());
        assertEquals(64, table("sales", "Order Lines").location().line());
        assertTrue(customers.definition().startsWith("CREATE TABLE [dbo].[Customers] ("));
        assertTrue(customers.definition().endsWith(") ON [PRIMARY]"), customers.definition());
        assertEquals("[PRIMARY]", customers.properties().get("filegroup"));
    }

    @Test
    void insertsAreOneInfoPerTableAndNothingWarns() {
        List<Diagnostic> warnings = result.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).toList();
        assertEquals(List.of(), warnings);
        List<Diagnostic> data = result.diagnostics().stream()
                .filter(d -> d.message().contains("data loading is a later step")).toList();
        assertEquals(5, data.size(), data::toString);
        Diagnostic customers = data.stream().filter(d -> d.object().equals(Optional.of("dbo.Customers")))
                .findFirst().orElseThrow();
        assertTrue(customers.message().contains("3 INSERT"), customers.message());
        assertEquals("MSSQL-IGNORED-STATEMENT", customers.code());
        assertEquals(191, customers.location().line());
    }
}
