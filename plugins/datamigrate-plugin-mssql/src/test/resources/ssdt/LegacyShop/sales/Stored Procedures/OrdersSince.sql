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
