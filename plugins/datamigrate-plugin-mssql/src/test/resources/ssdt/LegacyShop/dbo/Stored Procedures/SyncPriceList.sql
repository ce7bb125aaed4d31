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
