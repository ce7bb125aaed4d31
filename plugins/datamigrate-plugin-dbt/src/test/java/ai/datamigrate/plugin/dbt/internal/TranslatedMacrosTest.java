package ai.datamigrate.plugin.dbt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Function;
import ai.datamigrate.spi.catalog.FunctionKind;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Parameter;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.output.GeneratedFile;
import ai.datamigrate.spi.output.ModelColumn;
import ai.datamigrate.spi.output.ModelParameter;
import ai.datamigrate.spi.output.ObjectOutcome;
import ai.datamigrate.spi.output.OutputResult;
import ai.datamigrate.spi.output.TranslatedModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Scalar functions translated into one expression become dbt macros with a properties file. */
class TranslatedMacrosTest {

    static final ObjectName FILL = new ObjectName("dbo", "udfTwoDigitZeroFill");
    static final ObjectName MIN = new ObjectName("dbo", "udfMinimumDate");
    /** What the translator makes of AdventureWorks DW's udfTwoDigitZeroFill (its RoutineTranslationTest). */
    static final String FILL_EXPRESSION = "CASE WHEN CAST(__dm_var_1__ AS INTEGER) > 9 THEN CAST(CAST(__dm_var_1__ AS"
            + " INTEGER) AS CHAR(2)) ELSE CAST('0' || CAST(CAST(__dm_var_1__ AS INTEGER) AS VARCHAR(30)) AS CHAR(2))"
            + " END";
    static final String MIN_EXPRESSION = "CASE WHEN CAST(__dm_var_1__ AS TIMESTAMP(3)) <= CAST(__dm_var_2__ AS"
            + " TIMESTAMP(3)) THEN CAST(__dm_var_1__ AS TIMESTAMP(3)) ELSE CAST(__dm_var_2__ AS TIMESTAMP(3)) END";

    static TranslatedModel macro(ObjectName object, String expression, String type, ModelParameter... parameters) {
        return new TranslatedModel(object, "function", "SELECT " + expression + " AS \"" + object.name() + "\"",
                List.of(), List.of(new ModelColumn(object.name(), Optional.of(type), Optional.empty())), "macro",
                "rule", Optional.empty(), new TreeMap<>(), List.of(), List.of(parameters), Optional.empty(),
                Optional.of(expression));
    }

    static ModelParameter parameter(int n, String name, String sourceType, String targetType) {
        return new ModelParameter("__dm_var_" + n + "__", name, sourceType, targetType, Optional.empty(), true);
    }

    static TranslatedModel fill() {
        return macro(FILL, FILL_EXPRESSION, "char(2)", parameter(1, "number", "int", "integer"));
    }

    static TranslatedModel minimum() {
        return macro(MIN, MIN_EXPRESSION, "timestamp(3)", parameter(1, "x", "datetime", "timestamp(3)"),
                parameter(2, "y", "datetime", "timestamp(3)"));
    }

    /** The sample database with the scalar functions of {@code names} in its dbo schema. */
    static Database withFunctions(ObjectName... names) {
        Database base = TranslatedModels.database();
        List<Schema> schemas = new ArrayList<>();
        for (Schema s : base.schemas()) {
            if (!s.name().equals("dbo")) {
                schemas.add(s);
                continue;
            }
            List<Function> functions = new ArrayList<>(s.functions());
            int line = 200;
            for (ObjectName name : names) {
                functions.add(new Function(name, FunctionKind.SCALAR, List.of(new Parameter("@number",
                        DataType.of("int"), Optional.empty(), false, false)), Optional.of(DataType.withLength("char",
                        2)), Optional.of("Zero-fills a number below 100."), "CREATE FUNCTION ...",
                        SampleDatabase.at(line++)));
            }
            schemas.add(new Schema(s.name(), s.tables(), s.views(), s.procedures(), functions, s.triggers(),
                    s.sequences(), s.aliasTypes(), s.description()));
        }
        return new Database(base.name(), schemas, base.description());
    }

    private static String content(OutputResult result, String path) {
        return result.files().stream().filter(f -> f.path().equals(path)).map(GeneratedFile::content).findFirst()
                .orElseThrow(() -> new AssertionError("no " + path + " in " + result.files().stream()
                        .map(GeneratedFile::path).toList()));
    }

    @Test
    void aScalarFunctionIsAMacroWithItsArgumentsInPlaceOfTheParameters() throws Exception {
        OutputResult result = new DbtProjectTarget(DbtConfig.defaults()).generate(TranslatedModels.request(
                withFunctions(FILL), fill(), minimum(), TranslatedModels.subtotals()));
        String sql = content(result, "macros/udf/udf_two_digit_zero_fill.sql");
        assertTrue(sql.startsWith("{#- Macro of SQL Server function dbo.udfTwoDigitZeroFill, translated by"
                + " DataMigrate (rule).\n"), sql);
        assertTrue(sql.contains("""
                {% macro udf_two_digit_zero_fill(number) -%}
                (CASE WHEN CAST(({{ number }}) AS INTEGER) > 9 THEN CAST(CAST(({{ number }}) AS INTEGER) AS CHAR(2)) \
                ELSE CAST('0' || CAST(CAST(({{ number }}) AS INTEGER) AS VARCHAR(30)) AS CHAR(2)) END)
                {%- endmacro %}
                """), sql);
        assertTrue(content(result, "macros/udf/udf_minimum_date.sql").contains("{% macro udf_minimum_date(x, y) -%}"));
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(content(result, "macros/udf/_udf__macros.yml"));
        JsonNode first = yaml.get("macros").get(1);
        assertEquals("udf_two_digit_zero_fill", first.get("name").asText());
        assertEquals("Zero-fills a number below 100. It returns char(2).", first.get("description").asText(),
                "the function's own description, from the catalog");
        assertEquals("dbo.udfTwoDigitZeroFill", first.at("/config/meta/source_object").asText());
        assertEquals("function", first.at("/config/meta/source_kind").asText());
        assertEquals("rule", first.at("/config/meta/origin").asText());
        assertEquals("number", first.at("/arguments/0/name").asText());
        assertEquals("SQL for parameter @number (int in SQL Server), cast to integer",
                first.at("/arguments/0/description").asText());
        assertEquals("udf_minimum_date", yaml.get("macros").get(0).get("name").asText());
        // the function in the catalog is converted into its macro; the one the catalog lacks is listed after
        ObjectOutcome outcome = result.outcomes().stream().filter(o -> o.object().equals(FILL)).findFirst()
                .orElseThrow();
        assertEquals(new ObjectOutcome(FILL, "function", Optional.of("udf_two_digit_zero_fill"),
                List.of("macros/udf/udf_two_digit_zero_fill.sql", "macros/udf/_udf__macros.yml"),
                Optional.of("rule")), outcome);
        assertTrue(result.outcomes().stream().anyMatch(o -> o.object().equals(MIN)
                && o.model().equals(Optional.of("udf_minimum_date"))));
        // no model file for a macro, and no vars macro: its parameters are arguments, not dbt vars
        assertEquals(List.of(), result.files().stream().map(GeneratedFile::path)
                .filter(p -> p.contains("udf") && !p.startsWith("macros/udf/") || p.contains("datamigrate_literal"))
                .toList());
        assertEquals(List.of(), result.diagnostics().stream().filter(d -> d.code().startsWith("DBT-"))
                .filter(d -> d.object().map(o -> o.contains("udf")).orElse(false)).map(d -> d.format()).toList());
    }

    @Test
    void namesAreUniqueAndArgumentsAreNamesJinjaAccepts() {
        TranslatedModel other = macro(new ObjectName("sales", "udf_two_digit_zero_fill"), "CAST(__dm_var_1__ AS"
                + " INTEGER) + CAST(__dm_var_2__ AS INTEGER) + CAST(__dm_var_3__ AS INTEGER)", "integer",
                parameter(1, "in", "int", "integer"), parameter(2, "2nd", "int", "integer"),
                parameter(3, "In", "int", "integer"));
        OutputResult result = new DbtProjectTarget(DbtConfig.defaults()).generate(TranslatedModels.request(
                withFunctions(FILL), fill(), other));
        assertTrue(content(result, "macros/udf/udf_two_digit_zero_fill.sql").contains("(number)"));
        String second = content(result, "macros/udf/udf_two_digit_zero_fill_2.sql");
        assertTrue(second.contains("{% macro udf_two_digit_zero_fill_2(in_, arg_2nd, in__2) -%}\n(CAST(({{ in_ }})"
                + " AS INTEGER) + CAST(({{ arg_2nd }}) AS INTEGER) + CAST(({{ in__2 }}) AS INTEGER))\n"), second);
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.code().equals(ProjectPlanner.NAME_COLLISION)
                && d.message().contains("udf_two_digit_zero_fill_2")), result.diagnostics().toString());
    }
}
