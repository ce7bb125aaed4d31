package ai.datamigrate.plugin.mssql.internal.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic SQL Server install script for the scale benchmark ({@code bench/run synthetic}; a benchmark,
 * not a test): at scale 1, 5,000 tables in five schemas (keys, a foreign key to an earlier table, mixed types),
 * 2,000 views (joins, aggregates, set operations, subqueries and built-ins over tables and earlier views) and 500
 * procedures (single queries the translator turns into models, parameterised ones, and procedural ones with
 * cursors, loops, temp tables and dynamic SQL). The same seed writes the same script, byte for byte.
 *
 * <p>Usage: {@code SyntheticSchema <scale> <out.sql> [seed]}; prints the object counts.
 */
public final class SyntheticSchema {

    static final int TABLES = 5_000;
    static final int VIEWS = 2_000;
    static final int PROCEDURES = 500;
    private static final String[] SCHEMAS = {"dbo", "sales", "hr", "ops", "finance"};
    private static final String[] NOUNS = {"Customer", "Order", "Product", "Invoice", "Shipment", "Employee",
        "Account", "Ledger", "Region", "Supplier", "Contract", "Payment", "Store", "Asset", "Ticket"};
    /** Extra column types, beyond the columns every table has. */
    private static final String[] TYPES = {"varchar(50)", "nvarchar(200)", "float", "smallint", "date",
        "uniqueidentifier", "tinyint", "decimal(10, 4)", "nchar(10)", "bigint", "datetime2(3)", "real"};

    /** One generated table or view, with what a view over it may read. */
    private record Rel(String schema, String name, boolean table) {
        String ref() {
            return "[" + schema + "].[" + name + "]";
        }
    }

    private final SplittableRandom random;
    private final StringBuilder sql = new StringBuilder(1 << 16);
    private final List<Rel> tables = new ArrayList<>();
    /** Views whose columns are Id, Name, Amount, Label, Yr (the "row" shape): views can read them like tables. */
    private final List<Rel> rowViews = new ArrayList<>();

    private SyntheticSchema(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out; // a command of its own: the architecture test allows bench mains to print
        double scale = Double.parseDouble(args[0]);
        Path file = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20_261_127L;
        int[] counts = write(scale, seed, file);
        out.printf(Locale.ROOT, "{\"scale\":%s,\"tables\":%d,\"views\":%d,\"procedures\":%d,\"bytes\":%d}%n",
                args[0], counts[0], counts[1], counts[2], Files.size(file));
    }

    /** Writes the script for {@code scale} and returns the numbers of tables, views and procedures. */
    static int[] write(double scale, long seed, Path file) throws IOException {
        int tables = (int) Math.round(TABLES * scale);
        int views = (int) Math.round(VIEWS * scale);
        int procedures = (int) Math.round(PROCEDURES * scale);
        SyntheticSchema g = new SyntheticSchema(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("-- synthetic schema for the DataMigrate scale benchmark: scale " + scale + ", seed " + seed
                    + "\nSET ANSI_NULLS ON\nGO\nSET QUOTED_IDENTIFIER ON\nGO\n");
            for (int s = 1; s < SCHEMAS.length; s++) {
                w.write("CREATE SCHEMA [" + SCHEMAS[s] + "]\nGO\n");
            }
            for (int i = 0; i < tables; i++) {
                g.table(i);
                g.flush(w);
            }
            for (int i = 0; i < views; i++) {
                g.view(i);
                g.flush(w);
            }
            for (int i = 0; i < procedures; i++) {
                g.procedure(i);
                g.flush(w);
            }
        }
        return new int[] {tables, views, procedures};
    }

    private void flush(BufferedWriter w) throws IOException {
        w.append(sql).append("GO\n");
        sql.setLength(0);
    }

    private String schemaOf(int i) {
        return SCHEMAS[i % SCHEMAS.length];
    }

    private Rel anyTable() {
        return tables.get(random.nextInt(tables.size()));
    }

    /** A table or, once there are some, a view of the row shape (a third of the time). */
    private Rel anyRow() {
        if (!rowViews.isEmpty() && random.nextInt(3) == 0) {
            return rowViews.get(random.nextInt(rowViews.size()));
        }
        return anyTable();
    }

    private void table(int i) {
        String schema = schemaOf(i);
        String name = NOUNS[i % NOUNS.length] + (i % 97 == 0 ? " History " : "_") + String.format("%05d", i);
        String key = "PK_" + name.replace(' ', '_');
        sql.append("CREATE TABLE [").append(schema).append("].[").append(name).append("] (\n")
                .append("    [Id] int IDENTITY(1,1) NOT NULL,\n")
                .append("    [Code] nvarchar(20) NOT NULL,\n")
                .append("    [Name] nvarchar(100) NULL,\n")
                .append("    [Amount] money NULL,\n")
                .append("    [Qty] int NOT NULL CONSTRAINT [DF_").append(name.replace(' ', '_'))
                .append("_Qty] DEFAULT ((0)),\n")
                .append("    [CreatedAt] datetime NOT NULL DEFAULT (getdate()),\n")
                .append("    [IsActive] bit NOT NULL,\n")
                .append("    [ParentId] int NULL,\n");
        int extra = random.nextInt(7);
        for (int c = 0; c < extra; c++) {
            sql.append("    [Attr").append(c).append("] ").append(TYPES[random.nextInt(TYPES.length)])
                    .append(random.nextBoolean() ? " NULL" : " NOT NULL").append(",\n");
        }
        if (random.nextInt(4) == 0) {
            sql.append("    CONSTRAINT [CK_").append(name.replace(' ', '_')).append("_Qty] CHECK ([Qty] >= 0),\n");
        }
        sql.append("    CONSTRAINT [").append(key).append("] PRIMARY KEY CLUSTERED ([Id] ASC)\n)\n");
        if (!tables.isEmpty()) {
            // to a recent table mostly, so that the foreign keys form chains and clusters as real schemas do
            Rel parent = tables.get(Math.max(0, tables.size() - 1 - random.nextInt(Math.min(tables.size(), 200))));
            sql.append("GO\nALTER TABLE [").append(schema).append("].[").append(name).append("] ADD CONSTRAINT [FK_")
                    .append(name.replace(' ', '_')).append("_Parent] FOREIGN KEY ([ParentId]) REFERENCES ")
                    .append(parent.ref()).append(" ([Id])\n");
        }
        tables.add(new Rel(schema, name, true));
    }

    private void view(int i) {
        String schema = schemaOf(i);
        String name = "v" + NOUNS[i % NOUNS.length] + "Report_" + String.format("%05d", i);
        sql.append("CREATE VIEW [").append(schema).append("].[").append(name).append("]\nAS\n");
        int kind = random.nextInt(10);
        boolean rowShape = true;
        if (kind < 4) {
            joinView();
        } else if (kind < 6) {
            aggregateView();
            rowShape = false;
        } else if (kind < 8) {
            viewOverView();
        } else if (kind < 9) {
            unionView();
        } else {
            subqueryView();
        }
        sql.append('\n');
        if (rowShape) {
            rowViews.add(new Rel(schema, name, false));
        }
    }

    /** Row shape over a table and its parent, with string, date and null built-ins. */
    private void joinView() {
        Rel a = anyTable();
        Rel b = anyTable();
        sql.append("SELECT a.[Id], a.[Name], ISNULL(a.[Amount], 0) AS [Amount],\n")
                .append("       UPPER(LEFT(a.[Code], 3)) + '-' + ISNULL(b.[Name], N'none') AS [Label],\n")
                .append("       DATEPART(year, a.[CreatedAt]) AS [Yr]\n")
                .append("FROM ").append(a.ref()).append(" AS a\n")
                .append(random.nextBoolean() ? "INNER" : "LEFT OUTER").append(" JOIN ").append(b.ref())
                .append(" AS b ON a.[ParentId] = b.[Id]\n")
                .append("WHERE a.[IsActive] = 1");
        if (random.nextBoolean()) {
            sql.append(" AND a.[CreatedAt] >= '20200101'");
        }
    }

    private void aggregateView() {
        Rel a = anyTable();
        sql.append("SELECT a.[ParentId], COUNT(*) AS [Rows], SUM(a.[Qty]) AS [TotalQty],\n")
                .append("       AVG(a.[Amount]) AS [AvgAmount], MAX(a.[CreatedAt]) AS [LastCreated],\n")
                .append("       MIN(LEN(a.[Code])) AS [ShortestCode]\n")
                .append("FROM ").append(a.ref()).append(" AS a\n")
                .append("GROUP BY a.[ParentId]\n")
                .append("HAVING COUNT(*) > ").append(random.nextInt(5));
    }

    /** Row shape over another row-shaped view (or a table): chains of views, as reporting layers grow. */
    private void viewOverView() {
        Rel v = anyRow();
        Rel t = anyTable();
        sql.append("SELECT v.[Id], v.[Name], ROUND(v.[Amount] * 1.1, 2) AS [Amount],\n")
                .append("       COALESCE(v.[Label], t.[Code]) AS [Label],\n")
                .append("       CASE WHEN v.[Yr] IS NULL THEN YEAR(t.[CreatedAt]) ELSE v.[Yr] END AS [Yr]\n")
                .append("FROM ").append(rowOf(v, "v")).append('\n')
                .append("LEFT JOIN ").append(t.ref()).append(" AS t ON t.[Id] = v.[Id]");
        if (random.nextBoolean()) {
            sql.append("\nWHERE DATEDIFF(day, t.[CreatedAt], GETDATE()) < ").append(30 + random.nextInt(900));
        }
    }

    private void unionView() {
        Rel a = anyRow();
        Rel b = anyRow();
        sql.append("SELECT [Id], [Name], [Amount], [Label], [Yr] FROM ").append(rowOf(a, "x")).append('\n')
                .append("UNION ALL\n")
                .append("SELECT [Id], [Name], [Amount], [Label], [Yr] FROM ").append(rowOf(b, "x"));
    }

    /** A row-shaped view itself, or a row-shaped derived table over a table, as {@code alias}. */
    private String rowOf(Rel r, String alias) {
        if (!r.table()) {
            return r.ref() + " AS " + alias;
        }
        return "(SELECT [Id], [Name], [Amount], CAST([Code] AS nvarchar(100)) AS [Label], YEAR([CreatedAt]) AS [Yr] "
                + "FROM " + r.ref() + ") AS " + alias;
    }

    private void subqueryView() {
        Rel a = anyTable();
        Rel b = anyTable();
        sql.append("SELECT a.[Id], a.[Name], a.[Amount], SUBSTRING(a.[Code], 2, 5) AS [Label],\n")
                .append("       MONTH(a.[CreatedAt]) AS [Yr]\n")
                .append("FROM ").append(a.ref()).append(" AS a\n")
                .append("WHERE a.[ParentId] IN (SELECT b.[Id] FROM ").append(b.ref())
                .append(" AS b WHERE b.[Qty] > ").append(random.nextInt(100)).append(")\n")
                .append("  AND EXISTS (SELECT 1 FROM ").append(b.ref()).append(" AS c WHERE c.[ParentId] = a.[Id])");
    }

    private void procedure(int i) {
        String schema = schemaOf(i);
        String name = "usp" + NOUNS[i % NOUNS.length] + "Task_" + String.format("%05d", i);
        int kind = random.nextInt(10);
        Rel r = anyRow();
        if (kind < 5) {
            // a single query: the translator makes a model of it
            sql.append("CREATE PROCEDURE [").append(schema).append("].[").append(name).append("]\nAS\n")
                    .append("SET NOCOUNT ON;\n")
                    .append("SELECT TOP (").append(10 + random.nextInt(90)).append(") [Id], [Name], [Amount]\n")
                    .append("FROM ").append(r.ref()).append("\n")
                    .append("WHERE [Amount] > ").append(random.nextInt(1000)).append("\nORDER BY [Amount] DESC;\n");
        } else if (kind < 7) {
            sql.append("CREATE PROCEDURE [").append(schema).append("].[").append(name)
                    .append("]\n    @MinAmount money = 0,\n    @Since datetime = NULL\nAS\nBEGIN\n")
                    .append("    SET NOCOUNT ON;\n")
                    .append("    IF @Since IS NULL SET @Since = DATEADD(month, -1, GETDATE());\n")
                    .append("    SELECT [Id], [Name], [Amount] FROM ").append(r.ref())
                    .append(" WHERE [Amount] >= @MinAmount;\nEND\n");
        } else if (kind < 9) {
            Rel t = anyTable();
            sql.append("CREATE PROCEDURE [").append(schema).append("].[").append(name).append("]\nAS\nBEGIN\n")
                    .append("    SET NOCOUNT ON;\n")
                    .append("    DECLARE @id int, @total money = 0;\n")
                    .append("    CREATE TABLE #work ([Id] int NOT NULL, [Amount] money NULL);\n")
                    .append("    INSERT INTO #work ([Id], [Amount]) SELECT [Id], [Amount] FROM ").append(t.ref())
                    .append(" WHERE [IsActive] = 1;\n")
                    .append("    DECLARE c CURSOR LOCAL FAST_FORWARD FOR SELECT [Id] FROM #work;\n")
                    .append("    OPEN c;\n    FETCH NEXT FROM c INTO @id;\n")
                    .append("    WHILE @@FETCH_STATUS = 0\n    BEGIN\n")
                    .append("        UPDATE ").append(t.ref()).append(" SET [Qty] = [Qty] + 1 WHERE [Id] = @id;\n")
                    .append("        FETCH NEXT FROM c INTO @id;\n    END\n")
                    .append("    CLOSE c;\n    DEALLOCATE c;\n")
                    .append("    SELECT @total = SUM([Amount]) FROM #work;\n")
                    .append("    DROP TABLE #work;\nEND\n");
        } else {
            sql.append("CREATE PROCEDURE [").append(schema).append("].[").append(name).append("]\nAS\nBEGIN\n")
                    .append("    DECLARE @sql nvarchar(max) = N'SELECT COUNT(*) FROM ' + QUOTENAME(N'")
                    .append(r.schema()).append("') + N'.' + QUOTENAME(N'").append(r.name()).append("');\n")
                    .append("    EXEC sp_executesql @sql;\nEND\n");
        }
    }
}
