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
