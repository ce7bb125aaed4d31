package ai.datamigrate.plugin.mssql.internal.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.source.SourceReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlProjectTest {

    @Test
    void readsItemsVariablesAndName() throws IOException {
        SqlProject p = SqlProject.parse(Files.readString(SsdtProjectReaderTest.project().resolve("LegacyShop.sqlproj")));
        assertEquals(Optional.of("LegacyShop"), p.name());
        assertEquals(19, p.builds().size());
        assertEquals("sales/Constraints/FK_Orders_Customers.sql", p.builds().get(0));
        assertEquals(List.of("Scripts/Script.PostDeployment.sql"), p.postDeploy());
        assertEquals(List.of(), p.preDeploy());
        assertEquals(Map.of("Environment", "dev", "Owner", "Sales & Marketing"), p.variables());
    }

    @Test
    void commentedOutItemsAreNotRead() {
        SqlProject p = SqlProject.parse("<Project><ItemGroup><!-- <Build Include=\"old.sql\" /> -->"
                + "<Build Include='a\\b.sql'/><PreDeploy Include=\"pre.sql\"></PreDeploy></ItemGroup></Project>");
        assertEquals(List.of("a/b.sql"), p.builds());
        assertEquals(List.of("pre.sql"), p.preDeploy());
    }

    @Test
    void sdkStyleProjectBuildsEveryScriptButRemovedOnesAndBuildOutput(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Shop.sqlproj"), """
                <Project Sdk="Microsoft.Build.Sql/0.1.12-preview">
                  <PropertyGroup><Name>Shop</Name></PropertyGroup>
                  <ItemGroup>
                    <Build Remove="Scratch\\**" />
                    <PostDeploy Include="Post.sql" />
                  </ItemGroup>
                </Project>
                """);
        Files.createDirectories(dir.resolve("dbo/Tables"));
        Files.createDirectories(dir.resolve("Scratch"));
        Files.createDirectories(dir.resolve("bin/Debug"));
        Files.writeString(dir.resolve("dbo/Tables/T.sql"), "CREATE TABLE dbo.T (a int)");
        Files.writeString(dir.resolve("Scratch/Junk.sql"), "CREATE TABLE dbo.Junk (a int)");
        Files.writeString(dir.resolve("bin/Debug/Shop_Create.sql"), "CREATE TABLE dbo.Built (a int)");
        Files.writeString(dir.resolve("Post.sql"), "INSERT dbo.T VALUES (1)");
        SourceLayout layout = SourceLayout.of(dir, dir.toString());
        assertEquals(SourceLayout.Kind.SSDT_PROJECT, layout.kind());
        assertEquals(List.of(dir.resolve("dbo/Tables/T.sql")), layout.objectScripts());
        assertEquals(List.of(dir.resolve("Post.sql")), layout.dataScripts());
        SourceReadResult read = TestFiles.read(dir);
        assertEquals("Shop", read.database().name());
        assertEquals(List.of("dbo.T"), read.database().tables().map(t -> t.name().toString()).toList());
    }

    @Test
    void missingScriptIsAWarningWithTheProjectLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("P.sqlproj"), "<Project>\n  <ItemGroup>\n    <Build Include=\"T.sql\" />\n"
                + "    <Build Include=\"dbo\\Gone.sql\" />\n  </ItemGroup>\n</Project>\n");
        Files.writeString(dir.resolve("T.sql"), "CREATE TABLE T (a int)");
        SourceReadResult read = TestFiles.read(dir.resolve("P.sqlproj"));
        Diagnostic missing = read.diagnostics().stream().filter(d -> d.code().equals(SourceLayout.MISSING_FILE))
                .findFirst().orElseThrow();
        assertTrue(missing.message().contains("dbo/Gone.sql"), missing.message());
        assertEquals(4, missing.location().line());
        assertTrue(missing.location().file().endsWith("P.sqlproj"));
        assertEquals(1, read.database().tables().count());
    }
}
