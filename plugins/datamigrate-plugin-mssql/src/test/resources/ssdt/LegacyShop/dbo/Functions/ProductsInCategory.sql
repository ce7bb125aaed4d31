CREATE FUNCTION [dbo].[ProductsInCategory] (@CategoryID smallint = 1)
RETURNS TABLE
AS
RETURN
    SELECT p.[ProductID], p.[ProductName], p.[UnitPrice]
    FROM [dbo].[Products] p
    WHERE p.[CategoryID] = @CategoryID AND p.[Discontinued] = 0
