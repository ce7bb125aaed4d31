package ai.datamigrate.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.datamigrate.cli.internal.CliRunner.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AdventureWorks DW's scalar functions, migrated by the CLI into dbt macros, called by a model that real
 * {@code dbt build} runs on PostgreSQL: each call returns what SQL Server's function returns for the same arguments.
 * Uses schema {@code it_udf_macros} of the database {@code DATAMIGRATE_PG_DATABASE} names.
 */
class ScalarMacrosIT {

    /** As in instawdbdw.sql. */
    private static final String FUNCTIONS = """
            CREATE FUNCTION [dbo].[udfBuildISO8601Date] (@year int, @month int, @day int)
            RETURNS datetime
            AS
            BEGIN
            	RETURN cast(convert(varchar, @year) + '-' + [dbo].[udfTwoDigitZeroFill](@month)
            	    + '-' + [dbo].[udfTwoDigitZeroFill](@day) + 'T00:00:00'
            	    as datetime);
            END;
            GO
            CREATE FUNCTION [dbo].[udfMinimumDate] (
                @x DATETIME,
                @y DATETIME
            ) RETURNS DATETIME
            AS
            BEGIN
                DECLARE @z DATETIME

                IF @x <= @y
                    SET @z = @x
                ELSE
                    SET @z = @y

                RETURN(@z)
            END;
            GO
            CREATE FUNCTION [dbo].[udfTwoDigitZeroFill] (@number int)
            RETURNS char(2)
            AS
            BEGIN
            	DECLARE @result char(2);
            	IF @number > 9
            		SET @result = convert(char(2), @number);
            	ELSE
            		SET @result = convert(char(2), '0' + convert(varchar, @number));
            	RETURN @result;
            END;
            GO
            """;

    /**
     * Each call with what SQL Server returns for it: the functions' comments document the zero fill and the ISO
     * date; udfMinimumDate's IF is unknown for a NULL, so its ELSE branch returns @y.
     */
    private static final String MODEL = """
            with months as (
                select 7 as m union all select 12
            )
            select
                {{ udf_two_digit_zero_fill(5) }} as fill_5,
                {{ udf_two_digit_zero_fill(42) }} as fill_42,
                {{ udf_two_digit_zero_fill("'0'") }} as fill_text_0,
                {{ udf_two_digit_zero_fill('m') }} || '|' as fill_column,
                {{ udf_build_iso8601_date(2024, 2, 29) }} as leap_day,
                {{ udf_build_iso8601_date('2000 + 5', 'm', 1) }} as from_column,
                {{ udf_minimum_date("'2024-01-02'", "'2023-12-31 23:59:59'") }} as minimum,
                {{ udf_minimum_date('null', "'2023-12-31'") }} as minimum_null_x,
                {{ udf_minimum_date("'2023-12-31'", 'null') }} as minimum_null_y
            from months
            order by m
            """;

    @TempDir
    Path dir;

    @Test
    void everyMacroReturnsWhatTheFunctionReturnsInSqlServer() throws Exception {
        String dbt = System.getenv("DATAMIGRATE_DBT");
        String host = System.getenv("DATAMIGRATE_PG_HOST");
        if (dbt == null || dbt.isBlank() || host == null || host.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("DATAMIGRATE_DBT and DATAMIGRATE_PG_HOST must be set on CI");
            }
            Assumptions.abort("DATAMIGRATE_DBT and DATAMIGRATE_PG_HOST not set: skipping dbt build of the macros");
        }
        Path script = dir.resolve("functions.sql");
        Files.writeString(script, FUNCTIONS);
        Path project = dir.resolve("project");
        Run run = CliRunner.run("migrate", script.toString(), "--out", project.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(project.resolve("migration-report.json").toFile());
        List<String> statuses = new ArrayList<>();
        report.get("objects").forEach(o -> statuses.add(o.get("name").asText() + " " + o.get("status").asText()
                + " " + o.path("model").asText()));
        assertEquals(List.of("udfBuildISO8601Date converted udf_build_iso8601_date",
                "udfMinimumDate converted udf_minimum_date",
                "udfTwoDigitZeroFill converted udf_two_digit_zero_fill"), statuses.stream().sorted().toList());
        Files.copy(project.resolve("profiles.yml.example"), project.resolve("profiles.yml"));
        Files.createDirectories(project.resolve("models")); // a project without tables or views has none yet
        Files.writeString(project.resolve("models/udf_values.sql"), MODEL);

        String schema = "it_udf_macros";
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
        ProcessBuilder builder = new ProcessBuilder(dbt, "--no-use-colors", "build", "--select", "udf_values",
                "--project-dir", project.toString(), "--profiles-dir", project.toString())
                .directory(project.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("DBT_SEND_ANONYMOUS_USAGE_STATS", "false",
                "DATAMIGRATE_PG_SCHEMA", schema));
        Path log = project.resolve("dbt-build.out");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("dbt build did not finish in 5 minutes:\n" + Files.readString(log));
        }
        assertEquals(0, process.exitValue(), "dbt build failed:\n" + Files.readString(log));

        List<String> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select * from " + schema + ".udf_values")) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    values.add(r.getMetaData().getColumnName(i) + "=" + r.getString(i));
                }
                rows.add(String.join(", ", values));
            }
            s.execute("drop schema " + schema + " cascade");
        }
        assertEquals(List.of(
                "fill_5=05, fill_42=42, fill_text_0=00, fill_column=07|, leap_day=2024-02-29 00:00:00,"
                        + " from_column=2005-07-01 00:00:00, minimum=2023-12-31 23:59:59,"
                        + " minimum_null_x=2023-12-31 00:00:00, minimum_null_y=null",
                "fill_5=05, fill_42=42, fill_text_0=00, fill_column=12|, leap_day=2024-02-29 00:00:00,"
                        + " from_column=2005-12-01 00:00:00, minimum=2023-12-31 23:59:59,"
                        + " minimum_null_x=2023-12-31 00:00:00, minimum_null_y=null"), rows);
        assertTrue(Files.readString(log).contains("PASS=1"), Files.readString(log));
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + System.getenv("DATAMIGRATE_PG_HOST") + ":"
                + System.getenv().getOrDefault("DATAMIGRATE_PG_PORT", "5432") + "/"
                + System.getenv().getOrDefault("DATAMIGRATE_PG_DATABASE", "postgres"),
                System.getenv().getOrDefault("DATAMIGRATE_PG_USER", "postgres"),
                System.getenv().getOrDefault("DATAMIGRATE_PG_PASSWORD", ""));
    }
}
