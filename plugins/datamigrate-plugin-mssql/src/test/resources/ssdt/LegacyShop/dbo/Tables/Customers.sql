CREATE TABLE [dbo].[Customers] (
    [CustomerID]   int IDENTITY(1,1) NOT NULL,
    [CompanyName]  nvarchar(40) NOT NULL,
    [ContactName]  nvarchar(30) NULL,
    [Email]        varchar(120) NULL,
    [Phone]        [dbo].[Phone] NULL,
    [Country]      nvarchar(15) NULL CONSTRAINT [DF_Customers_Country] DEFAULT (N'USA'),
    [CreatedAt]    datetime NOT NULL DEFAULT (getdate()),
    CONSTRAINT [PK_Customers] PRIMARY KEY CLUSTERED ([CustomerID] ASC),
    CONSTRAINT [UQ_Customers_Email] UNIQUE ([Email])
) ON [PRIMARY];


GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'People and companies that buy from the shop.', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'Customers';
