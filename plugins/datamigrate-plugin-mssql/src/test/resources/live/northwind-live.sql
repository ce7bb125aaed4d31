-- The objects of northwind-rows.json (except the CLR procedure, which needs an assembly), for LiveSqlServerIT.
-- Run batch by batch (GO) in an empty database named Northwind.
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Northwind, read from a live server';
GO
CREATE SCHEMA staging;
GO
CREATE TYPE dbo.CustomerCode FROM nchar(5) NOT NULL;
GO
CREATE TABLE dbo.Customers (
    CustomerID dbo.CustomerCode NOT NULL CONSTRAINT PK_Customers PRIMARY KEY CLUSTERED,
    CompanyName nvarchar(40) NOT NULL,
    Phone nvarchar(24) COLLATE Latin1_General_BIN2 NULL
);
CREATE TABLE dbo.Orders (
    OrderID int IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Orders PRIMARY KEY CLUSTERED,
    CustomerID dbo.CustomerCode NULL CONSTRAINT FK_Orders_Customers REFERENCES dbo.Customers (CustomerID),
    OrderDate datetime NULL CONSTRAINT DF_Orders_OrderDate DEFAULT (getdate()),
    Freight money NULL CONSTRAINT DF_Orders_Freight DEFAULT (0)
);
CREATE INDEX CustomerID ON dbo.Orders (CustomerID);
CREATE INDEX OrderDate ON dbo.Orders (OrderDate DESC) INCLUDE (Freight);
CREATE TABLE dbo.Products (
    ProductID int IDENTITY(100, 10) NOT NULL PRIMARY KEY CLUSTERED,
    ProductName nvarchar(40) NOT NULL CONSTRAINT UQ_Products_ProductName UNIQUE NONCLUSTERED,
    UnitPrice money NULL DEFAULT (0),
    ValidFrom datetime2 GENERATED ALWAYS AS ROW START NOT NULL,
    ValidTo datetime2 GENERATED ALWAYS AS ROW END NOT NULL,
    Picture varbinary(max) NULL,
    PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo),
    CONSTRAINT CK_Products_UnitPrice CHECK (UnitPrice >= 0)
) WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.ProductsHistory));
CREATE INDEX IX_Products_Cheap ON dbo.Products (UnitPrice) WHERE UnitPrice < 10;
CREATE TABLE dbo.[Order Details] (
    OrderID int NOT NULL
        CONSTRAINT FK_Order_Details_Orders REFERENCES dbo.Orders (OrderID) ON DELETE CASCADE,
    ProductID int NOT NULL,
    UnitPrice money NOT NULL CONSTRAINT DF_Order_Details_UnitPrice DEFAULT (0),
    Quantity smallint NOT NULL CONSTRAINT DF_Order_Details_Quantity DEFAULT (1)
        CONSTRAINT CK_Quantity CHECK (Quantity > 0),
    Discount real NOT NULL CONSTRAINT DF_Order_Details_Discount DEFAULT (0)
        CONSTRAINT CK_Discount CHECK (Discount >= 0 AND Discount <= 1),
    LineTotal AS (UnitPrice * Quantity) PERSISTED,
    CONSTRAINT PK_Order_Details PRIMARY KEY CLUSTERED (OrderID, ProductID)
);
ALTER TABLE dbo.[Order Details] WITH NOCHECK ADD CONSTRAINT FK_Order_Details_Products
    FOREIGN KEY (ProductID) REFERENCES dbo.Products (ProductID) ON UPDATE CASCADE;
CREATE NONCLUSTERED COLUMNSTORE INDEX NCCI_Order_Details ON dbo.[Order Details] (OrderID, Quantity);
CREATE SEQUENCE dbo.OrderNumbers AS bigint START WITH 1000 INCREMENT BY 1 MINVALUE 1000 NO CYCLE;
CREATE SYNONYM dbo.Clients FOR dbo.Customers;
GO
create view "Order Subtotals" AS
SELECT "Order Details".OrderID, Sum(CONVERT(money,("Order Details".UnitPrice*Quantity*(1-Discount)/100))*100) AS Subtotal
FROM "Order Details"
GROUP BY "Order Details".OrderID
GO
CREATE PROCEDURE CustOrderHist @CustomerID nchar(5)
AS
SELECT ProductName, Total=SUM(Quantity)
FROM Products P, [Order Details] OD, Orders O, Customers C
WHERE C.CustomerID = @CustomerID
AND C.CustomerID = O.CustomerID AND O.OrderID = OD.OrderID AND OD.ProductID = P.ProductID
GROUP BY ProductName
GO
CREATE PROCEDURE dbo.SecretProc WITH ENCRYPTION AS SELECT 1 AS one
GO
CREATE FUNCTION dbo.fn_OrderCount (@CustomerID dbo.CustomerCode)
RETURNS int WITH SCHEMABINDING
AS
BEGIN
  RETURN (SELECT COUNT(*) FROM dbo.Orders WHERE CustomerID = @CustomerID)
END
GO
CREATE FUNCTION dbo.fn_CustomerOrders (@CustomerID nchar(5), @Since datetime = NULL)
RETURNS TABLE
AS
RETURN SELECT OrderID, OrderDate FROM dbo.Orders WHERE CustomerID = @CustomerID
GO
CREATE TRIGGER trg_Orders_Audit ON dbo.Orders AFTER INSERT, UPDATE AS SET NOCOUNT ON
GO
EXEC sys.sp_addextendedproperty N'MS_Description', N'Default schema', N'SCHEMA', N'dbo';
EXEC sys.sp_addextendedproperty N'MS_Description', N'Five-letter customer code', N'SCHEMA', N'dbo', N'TYPE',
    N'CustomerCode';
EXEC sys.sp_addextendedproperty N'MS_Description', N'Customers of Northwind', N'SCHEMA', N'dbo', N'TABLE',
    N'Customers';
EXEC sys.sp_addextendedproperty N'MS_Description', N'Shipping cost', N'SCHEMA', N'dbo', N'TABLE', N'Orders',
    N'COLUMN', N'Freight';
EXEC sys.sp_addextendedproperty N'MS_Description', N'Subtotal per order', N'SCHEMA', N'dbo', N'VIEW',
    N'Order Subtotals';
GO
-- last, so that it does not see the DDL above
CREATE TRIGGER trg_Ddl_Audit ON DATABASE FOR DDL_DATABASE_LEVEL_EVENTS AS RETURN
GO
DISABLE TRIGGER trg_Ddl_Audit ON DATABASE;
