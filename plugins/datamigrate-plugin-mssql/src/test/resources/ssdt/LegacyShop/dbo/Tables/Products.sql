CREATE TABLE [dbo].[Products] (
    [ProductID]    int IDENTITY(100,1) NOT NULL CONSTRAINT [PK_Products] PRIMARY KEY,
    [ProductName]  nvarchar(40) NOT NULL,
    [CategoryID]   smallint NULL REFERENCES "Product Categories" ("CategoryID"),
    [UnitPrice]    money NOT NULL CONSTRAINT [DF_Products_UnitPrice] DEFAULT (0)
                   CONSTRAINT [CK_Products_UnitPrice] CHECK ([UnitPrice] >= 0),
    [Weight Kg]    decimal(9, 3) NULL,
    [Discontinued] bit NOT NULL DEFAULT 0,
    [RowGuid]      uniqueidentifier ROWGUIDCOL NOT NULL DEFAULT (newid())
)
