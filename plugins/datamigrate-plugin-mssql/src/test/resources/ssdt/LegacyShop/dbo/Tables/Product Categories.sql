CREATE TABLE [dbo].[Product Categories] (
    "CategoryID"   smallint NOT NULL PRIMARY KEY,
    "CategoryName" nvarchar(30) NOT NULL UNIQUE,
    "Description"  ntext NULL
)
