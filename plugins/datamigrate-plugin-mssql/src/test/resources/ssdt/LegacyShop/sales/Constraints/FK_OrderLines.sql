ALTER TABLE [sales].[Order Lines]
    ADD CONSTRAINT [FK_OrderLines_Orders] FOREIGN KEY ([OrderID]) REFERENCES [sales].[Orders] ([OrderID]) ON DELETE CASCADE;
GO
ALTER TABLE [sales].[Order Lines]
    ADD CONSTRAINT [FK_OrderLines_Products] FOREIGN KEY ([ProductID]) REFERENCES [dbo].[Products] ([ProductID]);
