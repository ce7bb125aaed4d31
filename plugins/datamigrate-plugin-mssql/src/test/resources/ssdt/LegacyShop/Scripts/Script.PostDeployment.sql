/*
Post-Deployment Script: reference and sample data, run by the publish after the schema is deployed.
Uses SQLCMD syntax ($(Environment) comes from the project's SQLCMD variables).
*/
PRINT N'Loading sample data for $(Environment)';
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
