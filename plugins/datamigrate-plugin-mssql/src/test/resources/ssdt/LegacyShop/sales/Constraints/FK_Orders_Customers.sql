ALTER TABLE [sales].[Orders] WITH CHECK ADD CONSTRAINT [FK_Orders_Customers]
    FOREIGN KEY ([CustomerID]) REFERENCES [dbo].[Customers] ([CustomerID]);
