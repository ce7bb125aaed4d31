CREATE TABLE [sales].[Orders] (
    [OrderID]      int IDENTITY(1,1) NOT NULL,
    [CustomerID]   int NOT NULL,
    [OrderDate]    datetime NOT NULL,
    [ShippedDate]  datetime NULL,
    [Status]       char(1) NOT NULL CONSTRAINT [DF_Orders_Status] DEFAULT ('N'),
    [Freight]      money NULL,
    CONSTRAINT [PK_Orders] PRIMARY KEY NONCLUSTERED ([OrderID]),
    CONSTRAINT [CK_Orders_Status] CHECK ([Status] IN ('N', 'S', 'C'))
)
