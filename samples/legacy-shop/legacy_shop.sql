/*
** Legacy Shop: a small SQL Server database written for DataMigrate's demo and tests.
** It uses the constructs real SSMS-generated scripts are made of: GO batches, bracketed and quoted
** names with spaces, alias types, IDENTITY, DEFAULT, inline and table-level constraints,
** ALTER TABLE ... ADD CONSTRAINT, a second schema, a view, routines (reports, ETL) and data as INSERTs.
*/
SET NOCOUNT ON
GO
SET QUOTED_IDENTIFIER ON
GO
USE [LegacyShop]
GO

EXEC sp_addtype N'Phone', N'varchar(24)', N'NULL'
GO

CREATE SCHEMA [sales]
GO

CREATE TABLE [dbo].[Customers] (
    [CustomerID]   int IDENTITY(1,1) NOT NULL,
    [CompanyName]  nvarchar(40) NOT NULL,
    [ContactName]  nvarchar(30) NULL,
    [Email]        varchar(120) NULL,
    [Phone]        Phone NULL,
    [Country]      nvarchar(15) NULL CONSTRAINT [DF_Customers_Country] DEFAULT (N'USA'),
    [CreatedAt]    datetime NOT NULL DEFAULT (getdate()),
    CONSTRAINT [PK_Customers] PRIMARY KEY CLUSTERED ([CustomerID] ASC),
    CONSTRAINT [UQ_Customers_Email] UNIQUE ([Email])
) ON [PRIMARY]
GO

CREATE TABLE "Product Categories" (
    "CategoryID"   smallint NOT NULL PRIMARY KEY,
    "CategoryName" nvarchar(30) NOT NULL UNIQUE,
    "Description"  ntext NULL
)
GO

CREATE TABLE [dbo].[Products] (
    [ProductID]    int IDENTITY(100,1) NOT NULL CONSTRAINT [PK_Products] PRIMARY KEY,
    [ProductName]  nvarchar(40) NOT NULL,
    [CategoryID]   smallint NULL REFERENCES "Product Categories" ("CategoryID"),
    [UnitPrice]    money NOT NULL CONSTRAINT [DF_Products_UnitPrice] DEFAULT (0)
                   CONSTRAINT [CK_Products_UnitPrice] CHECK ([UnitPrice] >= 0),
    [Weight Kg]    decimal(9, 3) NULL,
    [Discontinued] bit NOT NULL DEFAULT 0,
    [RowGuid]      uniqueidentifier ROWGUIDCOL NOT NULL DEFAULT (newid())
)
GO

CREATE TABLE [sales].[Orders] (
    [OrderID]      int IDENTITY(1,1) NOT NULL,
    [CustomerID]   int NOT NULL,
    [OrderDate]    datetime NOT NULL,
    [ShippedDate]  datetime NULL,
    [Status]       char(1) NOT NULL CONSTRAINT [DF_Orders_Status] DEFAULT ('N'),
    [Freight]      money NULL,
    CONSTRAINT [PK_Orders] PRIMARY KEY NONCLUSTERED ([OrderID]),
    CONSTRAINT [CK_Orders_Status] CHECK ([Status] IN ('N', 'S', 'C'))
)
GO

CREATE TABLE [sales].[Order Lines] (
    [OrderID]      int NOT NULL,
    [LineNo]       smallint NOT NULL,
    [ProductID]    int NOT NULL,
    [Quantity]     smallint NOT NULL CONSTRAINT [DF_OrderLines_Quantity] DEFAULT (1),
    [UnitPrice]    money NOT NULL,
    [Discount]     real NOT NULL DEFAULT (0),
    CONSTRAINT [PK_Order_Lines] PRIMARY KEY CLUSTERED ([OrderID], [LineNo]),
    CONSTRAINT [CK_OrderLines_Quantity] CHECK ([Quantity] > 0)
)
GO

ALTER TABLE [sales].[Orders] WITH CHECK ADD CONSTRAINT [FK_Orders_Customers]
    FOREIGN KEY ([CustomerID]) REFERENCES [dbo].[Customers] ([CustomerID])
GO
ALTER TABLE [sales].[Order Lines] ADD CONSTRAINT [FK_OrderLines_Orders]
    FOREIGN KEY ([OrderID]) REFERENCES [sales].[Orders] ([OrderID]) ON DELETE CASCADE
GO
ALTER TABLE [sales].[Order Lines] ADD CONSTRAINT [FK_OrderLines_Products]
    FOREIGN KEY ([ProductID]) REFERENCES [dbo].[Products] ([ProductID])
GO

CREATE NONCLUSTERED INDEX [IX_Orders_CustomerID] ON [sales].[Orders] ([CustomerID] ASC) INCLUDE ([OrderDate])
GO

CREATE VIEW [sales].[Order Totals] AS
SELECT o.[OrderID], o.[CustomerID], SUM(l.[Quantity] * l.[UnitPrice] * (1 - l.[Discount])) AS [Total]
FROM [sales].[Orders] o
JOIN [sales].[Order Lines] l ON l.[OrderID] = o.[OrderID]
GROUP BY o.[OrderID], o.[CustomerID]
GO

CREATE PROCEDURE [dbo].[CustomerOrderCount] @CustomerID int
AS
SET NOCOUNT ON
SELECT COUNT(*) AS OrderCount FROM [sales].[Orders] WHERE [CustomerID] = @CustomerID
GO

-- A report with parameters: a default, an optional filter and a guard.
CREATE PROCEDURE [sales].[OrdersSince] @Since datetime = '20210901', @Status char(1) = NULL
AS
SET NOCOUNT ON
IF @Since IS NULL
BEGIN
    RAISERROR('OrdersSince: @Since is required', 16, 1)
    RETURN
END
SELECT o.[OrderID], o.[CustomerID], o.[OrderDate], o.[Status]
FROM [sales].[Orders] o
WHERE o.[OrderDate] >= @Since AND (@Status IS NULL OR o.[Status] = @Status)
ORDER BY o.[OrderDate]
GO

CREATE FUNCTION [dbo].[ProductsInCategory] (@CategoryID smallint = 1)
RETURNS TABLE
AS
RETURN
    SELECT p.[ProductID], p.[ProductName], p.[UnitPrice]
    FROM [dbo].[Products] p
    WHERE p.[CategoryID] = @CategoryID AND p.[Discontinued] = 0
GO

-- Nightly ETL: a summary table rebuilt from scratch, and a price list kept in step with the products.
CREATE TABLE [sales].[CustomerSales] (
    [CustomerID]    int NOT NULL CONSTRAINT [PK_CustomerSales] PRIMARY KEY,
    [OrderCount]    int NOT NULL,
    [Revenue]       money NULL,
    [LastOrderDate] datetime NULL
)
GO

CREATE PROCEDURE [sales].[RefreshCustomerSales]
AS
SET NOCOUNT ON
BEGIN TRANSACTION
TRUNCATE TABLE [sales].[CustomerSales]
INSERT INTO [sales].[CustomerSales] ([CustomerID], [OrderCount], [Revenue], [LastOrderDate])
SELECT o.[CustomerID], COUNT(*), SUM(t.[Total]), MAX(o.[OrderDate])
FROM [sales].[Orders] o
JOIN [sales].[Order Totals] t ON t.[OrderID] = o.[OrderID]
GROUP BY o.[CustomerID]
COMMIT TRANSACTION
GO

CREATE TABLE [dbo].[PriceList] (
    [ProductID]    int NOT NULL CONSTRAINT [PK_PriceList] PRIMARY KEY,
    [ProductName]  nvarchar(40) NOT NULL,
    [ListPrice]    money NOT NULL,
    [CategoryName] nvarchar(30) NULL
)
GO

CREATE PROCEDURE [dbo].[SyncPriceList]
AS
SET NOCOUNT ON
MERGE INTO [dbo].[PriceList] AS pl
USING (SELECT p.[ProductID], p.[ProductName], p.[UnitPrice], c.[CategoryName]
       FROM [dbo].[Products] p
       LEFT JOIN "Product Categories" c ON c.[CategoryID] = p.[CategoryID]
       WHERE p.[Discontinued] = 0) AS src
ON pl.[ProductID] = src.[ProductID]
WHEN MATCHED THEN
    UPDATE SET pl.[ProductName] = src.[ProductName], pl.[ListPrice] = src.[UnitPrice],
               pl.[CategoryName] = src.[CategoryName]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([ProductID], [ProductName], [ListPrice], [CategoryName])
    VALUES (src.[ProductID], src.[ProductName], src.[UnitPrice], src.[CategoryName]);
GO

-- Row-by-row housekeeping: procedural code that stays for review.
CREATE PROCEDURE [sales].[CloseStaleOrders] @Days int = 30
AS
SET NOCOUNT ON
DECLARE @id int
DECLARE stale CURSOR FOR
    SELECT [OrderID] FROM [sales].[Orders] WHERE [Status] = 'N' AND [OrderDate] < DATEADD(day, -@Days, GETDATE())
OPEN stale
FETCH NEXT FROM stale INTO @id
WHILE @@FETCH_STATUS = 0
BEGIN
    UPDATE [sales].[Orders] SET [Status] = 'C' WHERE [OrderID] = @id
    FETCH NEXT FROM stale INTO @id
END
CLOSE stale
DEALLOCATE stale
GO

SET IDENTITY_INSERT [dbo].[Customers] ON
INSERT [dbo].[Customers] ([CustomerID], [CompanyName], [ContactName], [Email], [Phone], [Country], [CreatedAt])
    VALUES (1, N'Alfreds Futterkiste', N'Maria Anders', 'maria@alfreds.example', '030-0074321', N'Germany', '2019-01-15T09:30:00')
INSERT [dbo].[Customers] ([CustomerID], [CompanyName], [ContactName], [Email], [Phone], [Country], [CreatedAt])
    VALUES (2, N'Ana Trujillo Emparedados', N'Ana Trujillo', 'ana@trujillo.example', '(5) 555-4729', N'Mexico', '2019-03-02T14:00:00')
INSERT [dbo].[Customers] ([CustomerID], [CompanyName], [ContactName], [Email], [Phone], [Country], [CreatedAt])
    VALUES (3, N'Bólido Comidas preparadas', NULL, NULL, NULL, N'Spain', '2020-07-21T08:05:00')
SET IDENTITY_INSERT [dbo].[Customers] OFF
GO

INSERT INTO "Product Categories" ("CategoryID", "CategoryName", "Description") VALUES (1, N'Beverages', N'Soft drinks, coffees, teas')
INSERT INTO "Product Categories" ("CategoryID", "CategoryName", "Description") VALUES (2, N'Condiments', NULL)
GO

SET IDENTITY_INSERT [dbo].[Products] ON
INSERT [dbo].[Products] ([ProductID], [ProductName], [CategoryID], [UnitPrice], [Weight Kg], [Discontinued], [RowGuid])
    VALUES (100, N'Chai', 1, 18.0000, 0.500, 0, '6F9619FF-8B86-D011-B42D-00C04FC964FF')
INSERT [dbo].[Products] ([ProductID], [ProductName], [CategoryID], [UnitPrice], [Weight Kg], [Discontinued], [RowGuid])
    VALUES (101, N'Aniseed Syrup', 2, $10.00, 0.750, 0, '7A1C2B3D-0E4F-4A5B-8C6D-7E8F9A0B1C2D')
INSERT [dbo].[Products] ([ProductID], [ProductName], [CategoryID], [UnitPrice], [Weight Kg], [Discontinued], [RowGuid])
    VALUES (102, N'Chef Anton''s Gumbo Mix', 2, 21.3500, NULL, 1, '0B1C2D3E-4F5A-4B6C-9D7E-8F9A0B1C2D3E')
SET IDENTITY_INSERT [dbo].[Products] OFF
GO

SET IDENTITY_INSERT [sales].[Orders] ON
INSERT [sales].[Orders] ([OrderID], [CustomerID], [OrderDate], [ShippedDate], [Status], [Freight])
    VALUES (1, 1, '2021-08-25T00:00:00', '2021-09-02T00:00:00', 'S', 29.4600)
INSERT [sales].[Orders] ([OrderID], [CustomerID], [OrderDate], [ShippedDate], [Status], [Freight])
    VALUES (2, 2, '2021-09-18T00:00:00', NULL, 'N', 1.6100)
SET IDENTITY_INSERT [sales].[Orders] OFF
GO

INSERT [sales].[Order Lines] ([OrderID], [LineNo], [ProductID], [Quantity], [UnitPrice], [Discount]) VALUES (1, 1, 100, 15, 18.0000, 0.25)
INSERT [sales].[Order Lines] ([OrderID], [LineNo], [ProductID], [Quantity], [UnitPrice], [Discount]) VALUES (1, 2, 102, 2, 21.3500, 0)
INSERT [sales].[Order Lines] ([OrderID], [LineNo], [ProductID], [Quantity], [UnitPrice], [Discount]) VALUES (2, 1, 101, 6, 10.0000, 0)
GO

EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'People and companies that buy from the shop.',
    @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'Customers'
GO
