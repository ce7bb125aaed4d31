package ai.datamigrate.plugin.mssql.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.FunctionKind;
import ai.datamigrate.spi.catalog.Identity;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.ReferentialAction;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.source.SourceReadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptReaderTest {

    @TempDir
    Path dir;

    private SourceReadResult read(String sql) {
        return TestFiles.read(dir, "script.sql", sql);
    }

    private static Table table(SourceReadResult result, String schema, String name) {
        return result.database().table(new ObjectName(schema, name)).orElseThrow();
    }

    private static List<Diagnostic> withCode(SourceReadResult result, String code) {
        return result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    }

    @Test
    void columnOptions() {
        SourceReadResult result = read("""
                CREATE TABLE shop.dbo.T (
                  a int IDENTITY NOT NULL,
                  b AS (a * 2) PERSISTED,
                  c nvarchar(max) COLLATE Latin1_General_CI_AS SPARSE NULL,
                  d [nvarchar](10) NOT NULL CONSTRAINT DF_d DEFAULT (('x')) CONSTRAINT UQ_d UNIQUE NONCLUSTERED,
                  e bigint IDENTITY(-5, 10),
                  f float(53), g datetime2(3), h decimal(18), i "varchar"(20),
                  j int NULL REFERENCES T(a) ON DELETE SET NULL ON UPDATE CASCADE CHECK (j > 0) DEFAULT -1,
                  k AS a + 1,
                )
                """);
        Table t = table(result, "dbo", "T");
        assertEquals(List.of(), result.diagnostics());
        Column a = t.column("a").orElseThrow();
        assertEquals(Optional.of(new Identity(1, 1)), a.identity());
        Column b = t.column("b").orElseThrow();
        assertEquals(Optional.of("a * 2"), b.computedExpression());
        assertTrue(b.persisted());
        Column c = t.column("c").orElseThrow();
        assertTrue(c.type().max());
        assertEquals(Optional.of("Latin1_General_CI_AS"), c.collation());
        Column d = t.column("d").orElseThrow();
        assertEquals(Optional.of("('x')"), d.defaultExpression());
        assertEquals("nvarchar(10)", d.type().sql());
        assertEquals(List.of("d"), t.uniqueConstraints().get(0).columns());
        assertEquals(Optional.of(new Identity(-5, 10)), t.column("e").orElseThrow().identity());
        assertEquals(53, t.column("f").orElseThrow().type().precision().getAsInt());
        assertEquals("datetime2(3)", t.column("g").orElseThrow().type().sql());
        assertEquals("decimal(18,0)", t.column("h").orElseThrow().type().sql());
        assertEquals("varchar(20)", t.column("i").orElseThrow().type().sql());
        Column j = t.column("j").orElseThrow();
        assertEquals(Optional.of("-1"), j.defaultExpression());
        assertEquals(ReferentialAction.SET_NULL, t.foreignKeys().get(0).onDelete());
        assertEquals(ReferentialAction.CASCADE, t.foreignKeys().get(0).onUpdate());
        assertEquals(List.of("a"), t.foreignKeys().get(0).referencedColumns());
        assertEquals("j > 0", t.checkConstraints().get(0).expression());
        assertEquals(Optional.of("a + 1"), t.column("k").orElseThrow().computedExpression());
    }

    @Test
    void alterTableAddsConstraintsDefaultsAndDisablesThem() {
        SourceReadResult result = read("""
                CREATE TABLE parent (id int NOT NULL)
                CREATE TABLE child (id int, parent_id int, qty int)
                GO
                ALTER TABLE parent ADD CONSTRAINT PK_parent PRIMARY KEY (id)
                ALTER TABLE child WITH NOCHECK ADD CONSTRAINT FK_child FOREIGN KEY (parent_id) REFERENCES parent,
                    CONSTRAINT CK_qty CHECK NOT FOR REPLICATION (qty > 0)
                ALTER TABLE [dbo].[CHILD] ADD CONSTRAINT DF_qty DEFAULT 1 FOR qty
                ALTER TABLE child ADD PRIMARY KEY NONCLUSTERED (id DESC) WITH (FILLFACTOR = 80) ON [PRIMARY]
                GO
                ALTER TABLE child CHECK CONSTRAINT CK_qty
                """);
        assertEquals(List.of(), result.diagnostics());
        Table child = table(result, "dbo", "child");
        assertEquals(List.of("id"), table(result, "dbo", "parent").primaryKey().orElseThrow().columns());
        assertFalse(child.foreignKeys().get(0).enforced());
        assertEquals(List.of("id"), child.foreignKeys().get(0).referencedColumns(), "REFERENCES t means t's key");
        assertTrue(child.checkConstraints().get(0).enforced());
        assertEquals(Optional.of("1"), child.column("qty").orElseThrow().defaultExpression());
        assertFalse(child.column("id").orElseThrow().nullable(), "primary key columns are NOT NULL");
        assertTrue(child.column("parent_id").orElseThrow().nullable());
    }

    @Test
    void aliasTypesFromCreateTypeAndSpAddtype() {
        SourceReadResult result = read("""
                CREATE TYPE dbo.Flag FROM bit NOT NULL
                GO
                EXEC sp_addtype @typename = 'Code', @phystype = 'char(3)', @nulltype = 'NULL'
                GO
                CREATE TABLE t (a Flag, b Code NOT NULL, c Flag NULL)
                """);
        Table t = table(result, "dbo", "t");
        assertEquals("bit", t.column("a").orElseThrow().type().sql());
        assertFalse(t.column("a").orElseThrow().nullable());
        assertEquals("char(3)", t.column("b").orElseThrow().type().sql());
        assertFalse(t.column("b").orElseThrow().nullable());
        assertTrue(t.column("c").orElseThrow().nullable(), "the column's own NULL wins over the alias");
        assertEquals(2, result.database().schema("dbo").orElseThrow().aliasTypes().size());
    }

    @Test
    void columnDescriptionsWithPositionalArguments() {
        SourceReadResult result = read("""
                CREATE TABLE [Order Details] (qty int)
                GO
                EXEC sys.sp_addextendedproperty N'MS_Description', N'How many', N'SCHEMA', N'dbo',
                    N'TABLE', N'order details', N'COLUMN', N'QTY'
                """);
        assertEquals(Optional.of("How many"), table(result, "dbo", "Order Details").column("qty").orElseThrow()
                .description());
    }

    @Test
    void routineHeaders() {
        SourceReadResult result = read("""
                CREATE OR ALTER PROCEDURE sales.p @a int = 5, @b nvarchar(10) OUTPUT, @c varchar(max) = NULL
                AS SELECT 1
                GO
                CREATE FUNCTION dbo.inline(@x int) RETURNS TABLE AS RETURN SELECT @x AS x
                GO
                CREATE FUNCTION dbo.multi() RETURNS @t TABLE (a int) AS BEGIN RETURN END
                GO
                ALTER FUNCTION dbo.scalar(@x decimal(10,2)) RETURNS decimal(12,2) AS BEGIN RETURN @x END
                GO
                CREATE VIEW dbo.v (x, y) WITH SCHEMABINDING AS SELECT 1 AS a, 2 AS b
                GO
                CREATE TRIGGER trg ON sales.orders INSTEAD OF DELETE AS PRINT 'no'
                """);
        var sales = result.database().schema("sales").orElseThrow();
        var p = sales.procedures().get(0);
        assertEquals(3, p.parameters().size());
        assertEquals(Optional.of("5"), p.parameters().get(0).defaultExpression());
        assertTrue(p.parameters().get(1).output());
        assertEquals(Optional.of("NULL"), p.parameters().get(2).defaultExpression());
        var dbo = result.database().schema("dbo").orElseThrow();
        assertEquals(List.of(FunctionKind.INLINE_TABLE_VALUED, FunctionKind.MULTI_STATEMENT_TABLE_VALUED,
                FunctionKind.SCALAR), dbo.functions().stream().map(f -> f.functionKind()).toList());
        assertEquals("decimal(12,2)", dbo.functions().get(2).returnType().orElseThrow().sql());
        assertTrue(dbo.functions().get(2).definition().startsWith("ALTER FUNCTION"));
        assertEquals(List.of("x", "y"), dbo.views().get(0).columnNames());
        assertTrue(dbo.views().get(0).schemaBound());
        var trigger = sales.triggers().get(0);
        assertEquals(new ObjectName("sales", "trg"), trigger.name(), "a DML trigger lives in its table's schema");
        assertEquals("INSTEAD OF", trigger.timing());
        assertEquals(List.of("DELETE"), trigger.events());
    }

    @Test
    void schemasSequencesAndDatabaseName() {
        SourceReadResult result = read("""
                CREATE DATABASE Shop
                GO
                USE Shop
                GO
                CREATE SCHEMA audit AUTHORIZATION dbo
                GO
                CREATE SEQUENCE audit.seq AS int START WITH 10 INCREMENT BY 5 NO MAXVALUE CYCLE
                GO
                CREATE TABLE t (a int)
                GO
                USE master
                """);
        Database db = result.database();
        assertEquals("Shop", db.name());
        assertEquals(List.of("dbo", "audit"), db.schemas().stream().map(s -> s.name()).toList());
        var seq = db.schema("audit").orElseThrow().sequences().get(0);
        assertEquals("int", seq.type().sql());
        assertEquals(10, seq.start().getAsLong());
        assertEquals(5, seq.increment().getAsLong());
        assertTrue(seq.cycle());
    }

    @Test
    void syntaxErrorsWarnAndReadingResumes() {
        SourceReadResult result = read("""
                CREATE TABLE broken (a int, b decimal(10,, c int)
                CREATE TABLE fine (a int)
                GO
                CREATE TABLE alsofine (a int)
                """);
        List<Diagnostic> errors = withCode(result, "MSSQL-SYNTAX-ERROR");
        assertEquals(1, errors.size(), result.diagnostics().toString());
        assertEquals(Severity.WARNING, errors.get(0).severity());
        assertEquals(1, errors.get(0).location().line());
        assertEquals(42, errors.get(0).location().column()); // the second comma
        assertTrue(errors.get(0).message().contains("expected a number"), errors.get(0).message());
        assertEquals(List.of("dbo.fine", "dbo.alsofine"),
                result.database().tables().map(t -> t.name().toString()).toList());
    }

    @Test
    void unsupportedStatementsWarnWithTheirFirstWords() {
        SourceReadResult result = read("""
                CREATE TABLE t (a int)
                GO
                WHILE 1 = 0 PRINT 'x'
                CREATE RULE r AS @v > 0
                ALTER TABLE t DROP COLUMN a
                EXEC ('CREATE TABLE hidden (a int)')
                """);
        List<Diagnostic> unsupported = withCode(result, "MSSQL-UNSUPPORTED-STATEMENT");
        assertEquals(4, unsupported.size(), unsupported.toString());
        assertEquals(3, unsupported.get(0).location().line());
        assertTrue(unsupported.get(0).message().contains("'WHILE 1 = 0'"), unsupported.get(0).message());
        assertTrue(unsupported.get(1).message().contains("CREATE RULE r"), unsupported.get(1).message());
        assertTrue(unsupported.get(3).message().contains("dynamic SQL"), unsupported.get(3).message());
        assertEquals(1, result.database().tables().count());
    }

    @Test
    void conditionalCreateAndGuards() {
        SourceReadResult result = read("""
                IF EXISTS (SELECT * FROM sysobjects WHERE id = object_id('dbo.t') AND sysstat & 0xf = 3)
                    DROP TABLE dbo.t
                GO
                IF OBJECT_ID('dbo.t') IS NULL
                BEGIN
                    PRINT 'creating'
                    CREATE TABLE dbo.t (a int NOT NULL)
                END
                ELSE PRINT 'exists'
                GO
                SET NOCOUNT ON
                DECLARE @x int
                SELECT @x = 1
                """);
        assertEquals(1, result.database().tables().count());
        assertTrue(result.diagnostics().stream().allMatch(d -> d.severity() == Severity.INFO),
                result.diagnostics().toString());
        assertEquals(6, result.diagnostics().size(), result.diagnostics().toString());
    }

    @Test
    void sqlcmdVariablesName() {
        SourceReadResult result = read("""
                :setvar Db "Warehouse"
                :on error exit
                CREATE DATABASE $(Db)
                GO
                CREATE TABLE [$(Db)].dbo.t (a int)
                """);
        assertEquals("Warehouse", result.database().name());
        assertEquals(1, result.database().tables().count());
        assertEquals(3, result.diagnostics().size());
    }

    @Test
    void isFastOnAMillionCharacters() {
        StringBuilder sql = new StringBuilder("CREATE TABLE t (a int, b nvarchar(20))\nGO\n");
        for (int i = 0; i < 20_000; i++) {
            sql.append("INSERT INTO t (a, b) VALUES (").append(i).append(", N'row ''").append(i).append("''')\n");
        }
        long start = System.nanoTime();
        SourceReadResult result = read(sql.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, result.diagnostics().size());
        assertTrue(result.diagnostics().get(0).message().startsWith("20000 INSERT statements for dbo.t"));
        assertTrue(millis < 5_000, "took " + millis + " ms");
    }
}
