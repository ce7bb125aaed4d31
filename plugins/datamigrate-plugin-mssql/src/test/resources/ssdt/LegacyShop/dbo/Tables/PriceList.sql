CREATE TABLE [dbo].[PriceList] (
    [ProductID]    int NOT NULL CONSTRAINT [PK_PriceList] PRIMARY KEY,
    [ProductName]  nvarchar(40) NOT NULL,
    [ListPrice]    money NOT NULL,
    [CategoryName] nvarchar(30) NULL
)
