-- A view over the legacy shop's customers that exposes their contact data; migrated together with
-- ../../legacy-shop/legacy_shop.sql (the test copies both into one input folder; files are read in name order).
CREATE VIEW [dbo].[Customer Contacts] AS
SELECT c.[CustomerID], c.[ContactName], c.[Email], c.[Phone]
FROM [dbo].[Customers] c
WHERE c.[Email] IS NOT NULL
GO
