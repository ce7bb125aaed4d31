package ai.datamigrate.testkit.agent;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.agent.Classification;
import ai.datamigrate.spi.agent.ObjectState;
import ai.datamigrate.spi.agent.ObjectStatus;
import ai.datamigrate.spi.catalog.AliasType;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Dependency;
import ai.datamigrate.spi.catalog.ForeignKey;
import ai.datamigrate.spi.catalog.Identity;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Parameter;
import ai.datamigrate.spi.catalog.PrimaryKey;
import ai.datamigrate.spi.catalog.Procedure;
import ai.datamigrate.spi.catalog.ReferentialAction;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.UniqueConstraint;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.spi.output.ModelColumn;
import ai.datamigrate.spi.output.ModelReference;
import ai.datamigrate.spi.output.TranslatedModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Migration states to run agents on, as the host hands them to an agent placed {@code after:model-generation}.
 *
 * <p>{@link #legacyShop()} is a part of the project's sample database ({@code samples/legacy-shop/legacy_shop.sql},
 * locations on the lines the objects have there, definitions abridged): an alias type, a customer table with personal data (a contact name, an e-mail address,
 * a phone number of the alias type {@code dbo.Phone}), a product table with a name with a space, an order table in
 * a second schema with a foreign key, a view translated by the rules and a procedure the rules left for review.
 * Every call returns a new state, so that runs do not see each other's changes.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class AgentFixtures {

    /** The file the fixture's locations name. */
    public static final String FILE = "legacy_shop.sql";

    private AgentFixtures() {
    }

    /** A state with no object at all: an input with nothing in it. */
    public static TestMigrationState empty() {
        return new TestMigrationState(new Database("Empty", List.of(), Optional.empty()), List.of(), List.of());
    }

    /** The legacy shop after model generation: tables and the view converted, the procedure needing review. */
    public static TestMigrationState legacyShop() {
        Database catalog = legacyShopCatalog();
        List<ObjectState> states = catalog.objects().map(AgentFixtures::afterGeneration).toList();
        return new TestMigrationState(catalog, states, List.of());
    }

    /** The catalog of {@link #legacyShop()}. */
    public static Database legacyShopCatalog() {
        ObjectName phone = new ObjectName("dbo", "Phone");
        ObjectName customers = new ObjectName("dbo", "Customers");
        Table customerTable = new Table(customers, List.of(
                column("CustomerID", DataType.of("int"), false, Optional.of(new Identity(1, 1)), 21),
                column("CompanyName", DataType.withLength("nvarchar", 40), false, Optional.empty(), 22),
                column("ContactName", DataType.withLength("nvarchar", 30), true, Optional.empty(), 23),
                column("Email", DataType.withLength("varchar", 120), true, Optional.empty(), 24),
                column("Phone", DataType.withLength("varchar", 24).withAlias(phone), true, Optional.empty(), 25),
                column("Country", DataType.withLength("nvarchar", 15), true, Optional.empty(), 26),
                column("CreatedAt", DataType.of("datetime"), false, Optional.empty(), 27)),
                Optional.of(new PrimaryKey(Optional.of("PK_Customers"), List.of("CustomerID"), true, at(28, 5))),
                List.of(new UniqueConstraint(Optional.of("UQ_Customers_Email"), List.of("Email"), false, at(29, 5))),
                List.of(), List.of(), List.of(), Map.of(),
                Optional.of("People and companies that buy from the shop."), "CREATE TABLE [dbo].[Customers] (...)",
                at(20, 1));
        ObjectName products = new ObjectName("dbo", "Products");
        Table productTable = new Table(products, List.of(
                column("ProductID", DataType.of("int"), false, Optional.of(new Identity(100, 1)), 41),
                column("ProductName", DataType.withLength("nvarchar", 40), false, Optional.empty(), 42),
                column("UnitPrice", DataType.of("money"), false, Optional.empty(), 44),
                column("Weight Kg", DataType.withPrecision("decimal", 9, 3), true, Optional.empty(), 46)),
                Optional.of(new PrimaryKey(Optional.of("PK_Products"), List.of("ProductID"), false, at(41, 43))),
                List.of(), List.of(), List.of(), List.of(), Map.of(), Optional.empty(),
                "CREATE TABLE [dbo].[Products] (...)", at(40, 1));
        ObjectName orders = new ObjectName("sales", "Orders");
        Table orderTable = new Table(orders, List.of(
                column("OrderID", DataType.of("int"), false, Optional.of(new Identity(1, 1)), 53),
                column("CustomerID", DataType.of("int"), false, Optional.empty(), 54),
                column("OrderDate", DataType.of("datetime"), false, Optional.empty(), 55),
                column("ShippedDate", DataType.of("datetime"), true, Optional.empty(), 56)),
                Optional.of(new PrimaryKey(Optional.of("PK_Orders"), List.of("OrderID"), false, at(59, 5))),
                List.of(), List.of(new ForeignKey(Optional.of("FK_Orders_Customers"), List.of("CustomerID"), customers,
                        List.of("CustomerID"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, true,
                        at(75, 1))),
                List.of(), List.of(), Map.of(), Optional.empty(), "CREATE TABLE [sales].[Orders] (...)", at(52, 1));
        ObjectName totals = new ObjectName("sales", "Order Totals");
        View totalsView = new View(totals, List.of("OrderID", "CustomerID", "Total"), false, Optional.empty(),
                "CREATE VIEW [sales].[Order Totals] AS\nSELECT o.[OrderID], o.[CustomerID], SUM(o.[Freight]) AS [Total]"
                        + "\nFROM [sales].[Orders] o\nGROUP BY o.[OrderID], o.[CustomerID]", at(89, 1));
        ObjectName count = new ObjectName("dbo", "CustomerOrderCount");
        Procedure countProcedure = new Procedure(count, List.of(new Parameter("@CustomerID", DataType.of("int"),
                Optional.empty(), false, false)), Optional.empty(),
                "CREATE PROCEDURE [dbo].[CustomerOrderCount] @CustomerID int\nAS\nSET NOCOUNT ON\n"
                        + "SELECT COUNT(*) AS OrderCount FROM [sales].[Orders] WHERE [CustomerID] = @CustomerID",
                at(96, 1));
        AliasType phoneType = new AliasType(phone, DataType.withLength("varchar", 24), true, Optional.empty(),
                "EXEC sp_addtype N'Phone', N'varchar(24)', N'NULL'", at(14, 1));
        Schema dbo = new Schema("dbo", List.of(customerTable, productTable), List.of(), List.of(countProcedure),
                List.of(), List.of(), List.of(), List.of(phoneType), Optional.empty());
        Schema sales = new Schema("sales", List.of(orderTable), List.of(totalsView), List.of(), List.of(), List.of(),
                List.of(), List.of(), Optional.empty());
        return new Database("LegacyShop", List.of(dbo, sales), Optional.empty(), List.of(
                new Dependency(totals, orders, "table", Dependency.Access.READ, at(91, 6)),
                new Dependency(count, orders, "table", Dependency.Access.READ, at(100, 33))));
    }

    /** The model the rules make of the view. */
    public static TranslatedModel orderTotalsModel() {
        return new TranslatedModel(new ObjectName("sales", "Order Totals"), "view",
                "SELECT o.\"OrderID\", o.\"CustomerID\", SUM(o.\"Freight\") AS \"Total\"\nFROM __dm_rel_1__ AS o\n"
                        + "GROUP BY o.\"OrderID\", o.\"CustomerID\"",
                List.of(new ModelReference("__dm_rel_1__", new ObjectName("sales", "Orders"))),
                List.of(new ModelColumn("OrderID", Optional.of("integer"), Optional.empty()),
                        new ModelColumn("CustomerID", Optional.of("integer"), Optional.empty()),
                        new ModelColumn("Total", Optional.of("numeric(19,4)"), Optional.empty())),
                "view", "rule", Optional.empty());
    }

    private static ObjectState afterGeneration(CatalogObject object) {
        ObjectState pending = ObjectState.pending(object.name(), object.kind());
        return switch (object.kind()) {
            case "view" -> pending.withModel(Optional.of(orderTotalsModel()), ObjectStatus.PENDING)
                    .classified(Classification.RULE, 15).withStatus(ObjectStatus.CONVERTED);
            case "procedure" -> pending.classified(Classification.LLM_CANDIDATE, 45)
                    .withStatus(ObjectStatus.NEEDS_REVIEW)
                    .withNote("no LLM configured; the rules do not translate procedures with parameters");
            default -> pending.classified(Classification.RULE, 5).withStatus(ObjectStatus.CONVERTED);
        };
    }

    private static Column column(String name, DataType type, boolean nullable, Optional<Identity> identity, int line) {
        return new Column(name, type, nullable, identity, Optional.empty(), Optional.empty(), false, Optional.empty(),
                false, Optional.empty(), at(line, 5));
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation(FILE, line, column);
    }
}
