package com.example.datamigrate.pii.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.datamigrate.pii.PiiPlugin;
import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the real CLI ({@code ai.datamigrate.cli.Main} on the datamigrate-cli artifact's runtime class path, which
 * holds the bundled plugins) in a child JVM, with and without the sample plugin's jar: the plugin is found by
 * ServiceLoader only when its jar is there, through {@code META-INF/services} on the class path and through its
 * {@code provides} clause on the module path, and its agent then tags the shop's personal data.
 */
class PluginDiscoveryIT {

    private static final Path CLI_LIB = Path.of(System.getProperty("datamigrate.cli.lib"));
    private static final Path SAMPLES = Path.of(System.getProperty("datamigrate.samples"));
    private static final Path WORK = Path.of(System.getProperty("datamigrate.work"));

    /** What a CLI run printed (stdout and stderr) and how it ended. */
    private record Run(int exitCode, String output) {
    }

    @BeforeAll
    static void cleanWorkFolder() throws IOException {
        if (Files.exists(WORK)) {
            try (Stream<Path> files = Files.walk(WORK)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(WORK);
    }

    @Test
    void pluginsListsTheAgentOnlyWhenTheJarIsOnTheClassPath() throws Exception {
        Run without = cli(classPathArgs(false), "plugins");
        assertEquals(0, without.exitCode(), without.output());
        assertTrue(without.output().lines().anyMatch(l -> l.startsWith("mssql ")), without.output());
        assertFalse(without.output().contains("pii"), without.output());

        Run with = cli(classPathArgs(true), "plugins");
        assertEquals(0, with.exitCode(), with.output());
        String header = "pii 1.0.0-SNAPSHOT  (" + pluginJar().getFileName() + ")";
        assertTrue(with.output().lines().anyMatch(header::equals), with.output());
        assertTrue(with.output().contains("    agent pii-tagging: "), with.output());
        assertTrue(with.output().contains("--set pii-tagging.placement=after:model-generation"), with.output());
    }

    @Test
    void pluginsListsTheAgentWhenTheJarIsOnTheModulePath() throws Exception {
        Run with = cli(modulePathArgs(), "plugins");
        assertEquals(0, with.exitCode(), with.output());
        assertTrue(with.output().lines().anyMatch(l -> l.startsWith("pii 1.0.0-SNAPSHOT  ")), with.output());
        assertTrue(with.output().contains("    agent pii-tagging: "), with.output());
    }

    @Test
    void migrateTagsTheShopsPersonalDataOnlyWithThePlugin() throws Exception {
        Path input = Files.createDirectories(WORK.resolve("input"));
        Files.copy(SAMPLES.resolve("legacy-shop/legacy_shop.sql"), input.resolve("legacy_shop.sql"));
        try (var view = PluginDiscoveryIT.class.getResourceAsStream("/customer-contacts/shop_customer_contacts.sql")) {
            Files.write(input.resolve("shop_customer_contacts.sql"), view.readAllBytes());
        }
        Path with = WORK.resolve("with-plugin");
        Path again = WORK.resolve("with-plugin-again");
        Path without = WORK.resolve("without-plugin");
        for (Path out : List.of(with, again)) {
            Run run = cli(classPathArgs(true), "migrate", input.toString(), "--out", out.toString());
            assertTrue(run.exitCode() < 2, run.output()); // 1: the shop's procedure is left for review
        }
        Run plain = cli(classPathArgs(false), "migrate", input.toString(), "--out", without.toString());
        assertTrue(plain.exitCode() < 2, plain.output());

        String marts = "models/marts/legacy_shop/_legacy_shop__models.yml";
        String contacts = model(read(with, marts), "customer_contacts");
        assertTrue(contacts.contains("""
                        datamigrate:
                          origin: rule
                          pii: "true"
                          pii_categories: "email, name, phone"
                          pii_columns: "ContactName, Email, Phone"
                      tags:
                        - pii
                """), contacts);
        // a table has no translated model: its agent annotations go on its staging model
        String staging = "models/staging/legacy_shop/_legacy_shop__models.yml";
        String customers = model(read(with, staging), "stg_legacy_shop__customers");
        assertTrue(customers.contains("pii_columns: \"ContactName, Email, Phone\""), customers);
        assertTrue(customers.contains("tags:\n        - pii\n"), customers);
        assertFalse(model(read(without, staging), "stg_legacy_shop__customers").contains("pii"));
        String report = read(with, "MIGRATION_REPORT.md");
        for (String line : List.of(
                "legacy_shop.sql:23:5 **info** PII-COLUMN [dbo.Customers]: column ContactName looks like personal "
                        + "data (name)",
                "legacy_shop.sql:24:5 **info** PII-COLUMN [dbo.Customers]: column Email looks like personal data "
                        + "(email)",
                "legacy_shop.sql:25:5 **info** PII-COLUMN [dbo.Customers]: column Phone looks like personal data "
                        + "(phone)",
                "shop_customer_contacts.sql:3:1 **info** PII-COLUMN [dbo.Customer Contacts]: column Email looks like "
                        + "personal data (email)")) {
            assertTrue(report.contains(line), line + "\n---\n" + report);
        }
        assertFalse(report.contains("CompanyName looks like"), report);

        assertEquals(read(with, marts), read(again, marts), "the same input gave different models");
        assertEquals(report, read(again, "MIGRATION_REPORT.md"), "the same input gave a different report");

        String plainContacts = model(read(without, marts), "customer_contacts");
        assertFalse(plainContacts.contains("pii") || plainContacts.contains("tags:"), plainContacts);
        assertFalse(read(without, "MIGRATION_REPORT.md").contains("PII-COLUMN"));
    }

    /** The YAML block of one model of a {@code _<source>__models.yml} file. */
    private static String model(String yaml, String name) {
        int start = yaml.indexOf("  - name: " + name + "\n");
        assertTrue(start >= 0, "no model " + name + " in\n" + yaml);
        int end = yaml.indexOf("\n  - name: ", start + 1);
        return yaml.substring(start, end < 0 ? yaml.length() : end + 1);
    }

    private static String read(Path project, String file) throws IOException {
        return Files.readString(project.resolve(file), StandardCharsets.UTF_8);
    }

    private static Path pluginJar() throws URISyntaxException {
        return Path.of(PiiPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<Path> cliJars() throws IOException {
        try (Stream<Path> jars = Files.list(CLI_LIB)) {
            List<Path> all = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            assertTrue(all.stream().anyMatch(p -> p.getFileName().toString().startsWith("datamigrate-cli-")),
                    "no datamigrate-cli jar in " + CLI_LIB);
            assertTrue(all.stream().noneMatch(p -> p.getFileName().toString().startsWith("custom-agent-plugin")),
                    "the plugin must not be on the CLI's own path: " + all);
            return all;
        }
    }

    private static List<String> classPathArgs(boolean withPlugin) throws Exception {
        List<String> path = new ArrayList<>(cliJars().stream().map(Path::toString).toList());
        if (withPlugin) {
            path.add(pluginJar().toString());
        }
        return List.of("-cp", String.join(File.pathSeparator, path), "ai.datamigrate.cli.Main");
    }

    /**
     * Every jar that can be a module on the module path, the plugin's included; the few third-party jars no module
     * name can be derived from stay on the class path (as in the CLI's own ModulePathIT).
     */
    private static List<String> modulePathArgs() throws Exception {
        List<String> modulePath = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        List<Path> jars = new ArrayList<>(cliJars());
        jars.add(pluginJar());
        for (Path jar : jars) {
            try {
                ModuleFinder.of(jar).findAll();
                modulePath.add(jar.toString());
            } catch (FindException e) {
                classPath.add(jar.toString());
            }
        }
        assertTrue(modulePath.contains(pluginJar().toString()), "the plugin jar is not a module");
        List<String> args = new ArrayList<>(List.of("--module-path", String.join(File.pathSeparator, modulePath)));
        if (!classPath.isEmpty()) {
            args.addAll(List.of("--class-path", String.join(File.pathSeparator, classPath)));
        }
        args.addAll(List.of("--add-modules", "ALL-MODULE-PATH", "-m", "ai.datamigrate.cli/ai.datamigrate.cli.Main"));
        return args;
    }

    private static Run cli(List<String> launch, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch);
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).directory(WORK.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "timed out: " + command);
        return new Run(process.exitValue(), output);
    }
}
