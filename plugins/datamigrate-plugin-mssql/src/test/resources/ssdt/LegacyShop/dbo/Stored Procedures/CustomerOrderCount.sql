CREATE PROCEDURE [dbo].[CustomerOrderCount] @CustomerID int
AS
SET NOCOUNT ON
SELECT COUNT(*) AS OrderCount FROM [sales].[Orders] WHERE [CustomerID] = @CustomerID
