CREATE TABLE [sales].[CustomerSales] (
    [CustomerID]    int NOT NULL CONSTRAINT [PK_CustomerSales] PRIMARY KEY,
    [OrderCount]    int NOT NULL,
    [Revenue]       money NULL,
    [LastOrderDate] datetime NULL
)
