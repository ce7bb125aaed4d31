package ai.datamigrate.plugin.mssql.internal.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.source.SourceReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legacy-shop sample split into an SSDT project, one object per file, read in an unhelpful order. */
class SsdtProjectReaderTest {

    static Path project() {
        return TestFiles.ssdtLegacyShop();
    }

    @Test
    void projectFolderGivesTheSameCatalogAsTheSingleScript() {
        SourceReadResult script = TestFiles.read(TestFiles.legacyShop());
        SourceReadResult ssdt = TestFiles.read(project());
        assertSameCatalog(script.database(), ssdt.database());
        assertEquals("LegacyShop", ssdt.database().name());
        assertEquals(List.of(), warnings(ssdt));
    }

    @Test
    void projectFileGivesTheSameCatalogAsTheFolder() {
        assertSameCatalog(TestFiles.read(project()).database(),
                TestFiles.read(project().resolve("LegacyShop.sqlproj")).database());
    }

    @Test
    void plainFolderOfScriptsGivesTheSameCatalog(@TempDir Path dir) throws IOException {
        Path copy = copyWithoutProject(project(), dir.resolve("shop"));
        SourceReadResult folder = TestFiles.read(copy);
        assertSameCatalog(TestFiles.read(TestFiles.legacyShop()).database(), folder.database());
        // Without the project the post-deployment script's variable has no default value.
        assertEquals(List.of("MSSQL-SQLCMD-UNDEFINED-VARIABLE"), warnings(folder).stream().map(Diagnostic::code).toList());
        // No USE and no project: the folder names the database.
        assertEquals("shop", folder.database().name());
    }

    @Test
    void locationsNameTheFileOfEachObject() {
        Database db = TestFiles.read(project()).database();
        Table customers = db.table(new ObjectName("dbo", "Customers")).orElseThrow();
        assertTrue(file(customers.location().file()).endsWith("dbo/Tables/Customers.sql"), customers.location().file());
        assertEquals(1, customers.location().line());
        Table orders = db.table(new ObjectName("sales", "Orders")).orElseThrow();
        assertTrue(file(orders.foreignKeys().get(0).location().file()).endsWith("sales/Constraints/FK_Orders_Customers.sql"));
        assertTrue(file(orders.indexes().get(0).location().file()).endsWith("sales/Indexes/IX_Orders_CustomerID.sql"));
        Table lines = db.table(new ObjectName("sales", "Order Lines")).orElseThrow();
        assertEquals(5, lines.foreignKeys().get(1).location().line()); // second batch of FK_OrderLines.sql
        View totals = db.schema("sales").orElseThrow().views().get(0);
        assertTrue(file(totals.location().file()).endsWith("sales/Views/Order Totals.sql"));
        assertEquals("People and companies that buy from the shop.", customers.description().orElseThrow());
    }

    @Test
    void postDeploymentDataIsReadAndVariablesHaveTheirDefaults() {
        SourceReadResult ssdt = TestFiles.read(project());
        List<String> data = ssdt.diagnostics().stream().map(Diagnostic::message)
                .filter(m -> m.contains("data loading")).toList();
        assertTrue(data.stream().anyMatch(m -> m.contains("3 INSERT statements for dbo.Customers")), data.toString());
        assertTrue(ssdt.diagnostics().stream().noneMatch(d -> d.code().contains("UNDEFINED-VARIABLE")));
        assertTrue(ssdt.diagnostics().stream().anyMatch(d -> d.location().file().endsWith("Script.PostDeployment.sql")));
    }

    @Test
    void unknownTableIsStillReportedOnceEverythingIsRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.sql"), "CREATE INDEX IX_x ON dbo.Nowhere (a)\nGO\n");
        Files.writeString(dir.resolve("b.sql"), "CREATE TABLE dbo.T (a int)\n");
        SourceReadResult read = TestFiles.read(dir);
        List<Diagnostic> warnings = warnings(read);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).message().contains("Nowhere"));
        assertTrue(warnings.get(0).location().file().endsWith("a.sql"));
    }

    @Test
    void descriptionsAndAliasTypesMayComeBeforeTheirTable(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("1_describe.sql"), "EXEC sp_addextendedproperty N'MS_Description', N'The key',"
                + " N'SCHEMA', N'dbo', N'TABLE', N'T', N'COLUMN', N'id'\nGO\n");
        Files.writeString(dir.resolve("2_table.sql"), "CREATE TABLE dbo.T (id int NOT NULL, code Code)\n");
        Files.writeString(dir.resolve("3_type.sql"), "CREATE TYPE dbo.Code FROM char(3) NOT NULL\n");
        SourceReadResult read = TestFiles.read(dir);
        assertEquals(List.of(), warnings(read));
        Table t = read.database().table(new ObjectName("dbo", "T")).orElseThrow();
        assertEquals("The key", t.column("id").orElseThrow().description().orElseThrow());
        assertEquals("char(3)", t.column("code").orElseThrow().type().sql());
        assertEquals(Optional.of(new ObjectName("dbo", "Code")), t.column("code").orElseThrow().type().aliasName());
        assertFalse(t.column("code").orElseThrow().nullable()); // from the alias type
    }

    private static List<Diagnostic> warnings(SourceReadResult result) {
        return result.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).toList();
    }

    private static String file(String file) {
        return file.replace('\\', '/');
    }

    static Path copyWithoutProject(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.toString().endsWith(".sqlproj")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        return to;
    }

    /** Everything but where things are written: tables with columns and keys, views, dependencies. */
    static void assertSameCatalog(Database expected, Database actual) {
        assertEquals(expected.tables().map(SsdtProjectReaderTest::table).sorted().toList(),
                actual.tables().map(SsdtProjectReaderTest::table).sorted().toList());
        assertEquals(expected.objects().map(o -> o.kind() + " " + o.name()
                        + (o instanceof View v ? " " + v.columnNames() : "")).sorted().toList(),
                actual.objects().map(o -> o.kind() + " " + o.name()
                        + (o instanceof View v ? " " + v.columnNames() : "")).sorted().toList());
        assertEquals(expected.dependencies().stream().map(d -> d.from() + " -> " + d.to() + " " + d.toKind() + " "
                        + d.access()).sorted().toList(),
                actual.dependencies().stream().map(d -> d.from() + " -> " + d.to() + " " + d.toKind() + " "
                        + d.access()).sorted().toList());
    }

    private static String table(Table t) {
        StringBuilder s = new StringBuilder(t.name().toString()).append('\n');
        for (Column c : t.columns()) {
            s.append("  ").append(c.name()).append(' ').append(c.type()).append(c.type().aliasName()).append(c.nullable() ? " null" : " not null")
                    .append(' ').append(c.identity()).append(' ').append(c.defaultExpression()).append(' ')
                    .append(c.computedExpression()).append(c.rowGuid() ? " rowguid" : "").append('\n');
        }
        t.primaryKey().ifPresent(k -> s.append("  pk ").append(k.name()).append(k.columns()).append(k.clustered())
                .append('\n'));
        t.uniqueConstraints().forEach(u -> s.append("  unique ").append(u.name()).append(u.columns())
                .append(u.clustered()).append('\n'));
        t.foreignKeys().forEach(f -> s.append("  fk ").append(f.name()).append(f.columns()).append(" -> ")
                .append(f.referencedTable()).append(f.referencedColumns()).append(' ').append(f.onDelete())
                .append(' ').append(f.onUpdate()).append(' ').append(f.enforced()).append('\n'));
        t.checkConstraints().forEach(c -> s.append("  check ").append(c.name()).append(' ').append(c.expression())
                .append(' ').append(c.column()).append(' ').append(c.enforced()).append('\n'));
        t.indexes().forEach(i -> s.append("  index ").append(i.name()).append(i.columns()).append(i.includedColumns())
                .append(i.unique()).append(i.clustered()).append(i.kind()).append(i.filter()).append('\n'));
        s.append("  ").append(t.description());
        return s.toString();
    }
}
