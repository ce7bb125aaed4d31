CREATE TABLE [sales].[Order Lines] (
    [OrderID]      int NOT NULL,
    [LineNo]       smallint NOT NULL,
    [ProductID]    int NOT NULL,
    [Quantity]     smallint NOT NULL CONSTRAINT [DF_OrderLines_Quantity] DEFAULT (1),
    [UnitPrice]    money NOT NULL,
    [Discount]     real NOT NULL DEFAULT (0),
    CONSTRAINT [PK_Order_Lines] PRIMARY KEY CLUSTERED ([OrderID], [LineNo]),
    CONSTRAINT [CK_OrderLines_Quantity] CHECK ([Quantity] > 0)
)
