CREATE VIEW [sales].[Order Totals] AS
SELECT o.[OrderID], o.[CustomerID], SUM(l.[Quantity] * l.[UnitPrice] * (1 - l.[Discount])) AS [Total]
FROM [sales].[Orders] o
JOIN [sales].[Order Lines] l ON l.[OrderID] = o.[OrderID]
GROUP BY o.[OrderID], o.[CustomerID]
