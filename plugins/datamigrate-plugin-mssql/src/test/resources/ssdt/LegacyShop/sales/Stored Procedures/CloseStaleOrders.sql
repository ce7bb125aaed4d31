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
