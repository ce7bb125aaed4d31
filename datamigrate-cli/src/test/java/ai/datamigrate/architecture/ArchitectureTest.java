package ai.datamigrate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of the house style, checked on the production classes of every module (the CLI's test class
 * path holds them all).
 */
class ArchitectureTest {

    private static final List<String> MODULE_ROOTS = List.of("ai.datamigrate.core", "ai.datamigrate.cli",
            "ai.datamigrate.plugin.mssql", "ai.datamigrate.plugin.postgres", "ai.datamigrate.plugin.duckdb",
            "ai.datamigrate.plugin.dbt", "ai.datamigrate.plugin.claude", "ai.datamigrate.plugin.openai");

    /**
     * Support libraries ({@code ai.datamigrate.support..}): code that several plugins share, which they may not take
     * from each other. Each is a module of its own whose packages are exported to the plugins that use it only.
     */
    private static final List<String> SUPPORT_ROOTS = List.of("ai.datamigrate.support.llm",
            "ai.datamigrate.support.target");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ai.datamigrate");
    }

    @Test
    void everyModuleIsImported() {
        // the rules below would pass vacuously for a module whose classes were not on the class path
        for (String root : Stream.of(MODULE_ROOTS, SUPPORT_ROOTS, List.of("ai.datamigrate.spi")).flatMap(List::stream)
                .toList()) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith(root)), root + " not imported");
        }
    }

    @Test
    void spiDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("ai.datamigrate.spi..").and().resideOutsideOfPackage("ai.datamigrate.spi.sql..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("ai.datamigrate.spi..", "java..")
                .check(classes);
    }

    @Test
    void theSqlRenderingSpiAddsCalciteOnly() {
        // the one part of the SPI that is about SQL trees may name Calcite types, and nothing else
        classes().that().resideInAPackage("ai.datamigrate.spi.sql..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("ai.datamigrate.spi..", "java..",
                        "org.apache.calcite..")
                .check(classes);
        noClasses().that().resideInAPackage("ai.datamigrate.spi..").and().resideOutsideOfPackage("ai.datamigrate.spi.sql..")
                .should().dependOnClassesThat().resideInAPackage("ai.datamigrate.spi.sql..")
                .check(classes);
    }

    @Test
    void everyPublicSpiTypeDeclaresItsStability() {
        classes().that().resideInAPackage("ai.datamigrate.spi..").and().arePublic()
                .should().beAnnotatedWith("ai.datamigrate.spi.Api")
                .check(classes);
    }

    @Test
    void everyPublicTypeOfTheCoreApiDeclaresItsStability() {
        // what embedding applications see: the exported packages of core; everything else is internal
        classes().that().resideInAnyPackage("ai.datamigrate.core", "ai.datamigrate.core.report").and().arePublic()
                .should().beAnnotatedWith("ai.datamigrate.spi.Api")
                .check(classes);
    }

    @Test
    void pluginsNeverDependOnTheHostOrTheServer() {
        noClasses().that().resideInAPackage("ai.datamigrate.plugin..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.datamigrate.core..", "ai.datamigrate.cli..",
                        "ai.datamigrate.server..")
                .check(classes);
    }

    @Test
    void pluginsNeverDependOnEachOther() {
        slices().matching("ai.datamigrate.plugin.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void theTargetSupportLibraryAddsCalciteOnly() {
        // what the target plugins share: the SPI (with its Calcite part) and the JDK
        classes().that().resideInAPackage("ai.datamigrate.support.target..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("ai.datamigrate.spi..",
                        "ai.datamigrate.support.target..", "java..", "org.apache.calcite..")
                .check(classes);
    }

    @Test
    void supportModulesContributeNoPlugin() {
        // plugins are found through their own modules; a library registering one would be found once per plugin
        noClasses().that().resideInAPackage("ai.datamigrate.support..")
                .should().implement("ai.datamigrate.spi.plugin.DataMigratePlugin")
                .check(classes);
    }

    @Test
    void supportLibrariesNeverDependOnTheHostTheServerOrAPlugin() {
        noClasses().that().resideInAPackage("ai.datamigrate.support..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.datamigrate.core..", "ai.datamigrate.cli..",
                        "ai.datamigrate.server..", "ai.datamigrate.plugin..")
                .check(classes);
    }

    @Test
    void supportModulesNeverDependOnEachOther() {
        slices().matching("ai.datamigrate.support.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void onlyPluginsUseTheSupportModules() {
        // not an API: core, the CLI and the server never see them (their modules export them to plugins only)
        noClasses().that().resideInAnyPackage("ai.datamigrate.core..", "ai.datamigrate.cli..",
                        "ai.datamigrate.server..", "ai.datamigrate.spi..")
                .should().dependOnClassesThat().resideInAPackage("ai.datamigrate.support..")
                .check(classes);
    }

    @Test
    void theLlmSupportLibraryAddsLangChain4jOnly() {
        // Jackson reads the providers' JSON error bodies; LangChain4j's clients bring it anyway
        classes().that().resideInAPackage("ai.datamigrate.support.llm..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("ai.datamigrate.support.llm..",
                        "ai.datamigrate.spi..", "java..", "dev.langchain4j..", "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void supportLibrariesAreExportedToPluginsOnlyAndProvideNothing() throws URISyntaxException {
        for (String root : SUPPORT_ROOTS) {
            JavaClass any = classes.stream().filter(c -> c.getPackageName().startsWith(root)).findFirst()
                    .orElseThrow();
            Path location = Path.of(any.reflect().getProtectionDomain().getCodeSource().getLocation().toURI());
            Set<ModuleReference> found = ModuleFinder.of(location).findAll();
            assertEquals(1, found.size(), location + " holds no module descriptor");
            ModuleDescriptor descriptor = found.iterator().next().descriptor();
            assertFalse(descriptor.exports().isEmpty(), descriptor.name() + " exports nothing");
            for (ModuleDescriptor.Exports exports : descriptor.exports()) {
                assertTrue(exports.isQualified() && exports.targets().stream()
                        .allMatch(target -> target.startsWith("ai.datamigrate.plugin.")), descriptor.name()
                        + ": not an API, so export " + exports.source() + " to the plugins that use it only");
            }
            assertTrue(descriptor.opens().isEmpty() && descriptor.provides().isEmpty(),
                    descriptor.name() + " opens or provides something: plugins are what ServiceLoader finds");
        }
    }

    @Test
    void coreNeverNamesAPlugin() {
        noClasses().that().resideInAnyPackage("ai.datamigrate.core..", "ai.datamigrate.cli..")
                .should().dependOnClassesThat().resideInAPackage("ai.datamigrate.plugin..")
                .check(classes);
    }

    @Test
    void internalPackagesStayInsideTheirModule() {
        for (String root : MODULE_ROOTS) {
            noClasses().that().resideOutsideOfPackage(root + "..")
                    .should().dependOnClassesThat().resideInAPackage(root + ".internal..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("ai.datamigrate.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheCliPrintingLayerTouchesTheStandardStreams() {
        // benchmark mains are commands of their own that print their measurements
        noClasses().that().doNotHaveFullyQualifiedName("ai.datamigrate.cli.internal.Terminal")
                .and().resideOutsideOfPackage("..internal.bench..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }

    @Test
    void noGenericExceptionsAreThrown() {
        GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(classes);
    }

    @Test
    void pluginEntryClassesAreFinalAndTheOnlyPublicTypeOutsideInternal() {
        classes().that().resideInAPackage("ai.datamigrate.plugin..").and().resideOutsideOfPackage("..internal..")
                .and().arePublic()
                .should().haveSimpleNameEndingWith("Plugin").andShould().haveModifier(JavaModifier.FINAL)
                .check(classes);
    }
}
