CREATE NONCLUSTERED INDEX [IX_Orders_CustomerID]
    ON [sales].[Orders]([CustomerID] ASC)
    INCLUDE([OrderDate]);
