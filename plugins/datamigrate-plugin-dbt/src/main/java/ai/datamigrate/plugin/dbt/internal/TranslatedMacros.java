package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.output.ModelParameter;
import ai.datamigrate.spi.output.TranslatedModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scalar functions translated into one expression (materialization {@code macro}) become dbt macros:
 * {@code macros/udf/<name>.sql} holds {@code {% macro <name>(<arguments>) %} <expression> {% endmacro %}}, and
 * {@code macros/udf/_udf__macros.yml} documents each one with its arguments, its source object and origin.
 *
 * <p>A macro's arguments are SQL text (a column, a literal, an expression): {@code {{ udf_two_digit_zero_fill('5') }}}
 * or {@code {{ udf_two_digit_zero_fill('"Month"') }}}. The expression casts each argument to its parameter's type,
 * as SQL Server converts the arguments of a call, and uses it where the function used the parameter (an argument
 * used twice is evaluated twice, as in the models where the translator inlines the function).
 *
 * <p>Names: {@code udf_} and the function's name in snake_case ({@code udfTwoDigitZeroFill} becomes
 * {@code udf_two_digit_zero_fill}, which already starts so), so that a macro never takes the name of one of dbt's own
 * ({@code concat}, {@code hash}, ...); functions of the same name in two schemas get {@code _2}, in name order.
 */
final class TranslatedMacros {

    static final String MATERIALIZATION = "macro";
    static final String FOLDER = "macros/udf/";
    static final String YAML_FILE = FOLDER + "_udf__macros.yml";
    private static final String PREFIX = "udf_";
    /** Words Jinja reads as operators or constants, which cannot name an argument. */
    private static final Set<String> JINJA_WORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "elif", "for",
            "none", "true", "false", "import", "from", "as", "with", "recursive", "block", "macro", "call", "set",
            "endmacro", "caller", "varargs", "kwargs", "loop", "self");

    /**
     * @param arguments the macro's argument names, one per parameter, in the parameters' order
     */
    record MacroPlan(TranslatedModel model, Optional<CatalogObject> object, String name, List<String> arguments) {
        MacroPlan {
            arguments = List.copyOf(arguments);
        }

        String sqlFile() {
            return FOLDER + name + ".sql";
        }
    }

    private TranslatedMacros() {
    }

    static boolean isMacro(TranslatedModel model) {
        return model.materialization().equalsIgnoreCase(MATERIALIZATION) && model.expression().isPresent();
    }

    /** The macros of the translated models that are macros, in name order, the first of an object winning. */
    static List<MacroPlan> plan(Database database, List<TranslatedModel> models, List<Diagnostic> diagnostics) {
        UniqueNames<TranslatedModel> names = new UniqueNames<>(Integer.MAX_VALUE);
        List<MacroPlan> plans = new ArrayList<>();
        List<TranslatedModel> macros = models.stream().filter(TranslatedMacros::isMacro)
                .sorted(Comparator.comparing(TranslatedModel::object)).toList();
        if (macros.isEmpty()) {
            return plans;
        }
        Map<String, CatalogObject> functions = new java.util.HashMap<>();
        database.schemas().forEach(s -> s.functions().forEach(f -> functions.putIfAbsent(
                TranslatedModelPlanner.key(f.name()), f)));
        Set<String> seen = new java.util.HashSet<>();
        for (TranslatedModel model : macros) {
            if (!seen.add(TranslatedModelPlanner.key(model.object()))) {
                continue;
            }
            Optional<CatalogObject> object = Optional.ofNullable(functions.get(TranslatedModelPlanner.key(
                    model.object())));
            SourceLocation at = object.map(CatalogObject::location)
                    .orElseGet(() -> SourceLocation.unknown(database.name()));
            String snake = SnakeCase.of(model.object().name());
            String wanted = snake.startsWith(PREFIX) ? snake : PREFIX + (snake.isEmpty() ? "function" : snake);
            UniqueNames.Allocation<TranslatedModel> name = names.allocate(wanted, model);
            name.collidedWith().ifPresent(other -> diagnostics.add(Diagnostic.warning(ProjectPlanner.NAME_COLLISION,
                    at, "macro name " + wanted + " is taken by the macro of function " + other.object()
                            + "; this one is named " + name.name()).withObject(model.object().toString())));
            UniqueNames<ModelParameter> argumentNames = new UniqueNames<>(Integer.MAX_VALUE);
            List<String> arguments = new ArrayList<>();
            for (ModelParameter p : model.parameters()) {
                String argument = SnakeCase.of(p.name());
                if (argument.isEmpty() || Character.isDigit(argument.charAt(0))) {
                    argument = "arg_" + argument;
                }
                if (JINJA_WORDS.contains(argument)) {
                    argument = argument + "_";
                }
                arguments.add(argumentNames.allocate(argument, p).name());
            }
            plans.add(new MacroPlan(model, object, name.name(), arguments));
        }
        return plans;
    }

    /** The macro's file: a comment saying where it comes from, and the macro. */
    static String sql(MacroPlan plan) {
        TranslatedModel model = plan.model();
        String body = TranslatedModelFiles.jinjaLiteral(model.expression().orElseThrow().strip());
        List<ModelParameter> parameters = model.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            // the placeholder is a made-up token; the parentheses keep the argument one operand whatever it is
            body = body.replace(parameters.get(i).placeholder(), "({{ " + plan.arguments().get(i) + " }})");
        }
        String origin = DbtProjectTarget.oneLine("SQL Server " + model.kind() + " " + model.object()
                + ", translated by DataMigrate (" + model.origin() + ")").replace("#}", "# }");
        // in parentheses: the value is one operand wherever the call stands ({{ f(x) }} * 2)
        return "{#- Macro of " + origin + ".\n    Each argument is SQL (a column, a literal, an expression), cast to"
                + " the parameter's type as SQL Server\n    converts a call's arguments. -#}\n"
                + "{% macro " + plan.name() + "(" + String.join(", ", plan.arguments()) + ") -%}\n"
                + "(" + body + ")\n{%- endmacro %}\n";
    }

    /** The properties of every macro: description, arguments and the source object, in name order. */
    static String yaml(List<MacroPlan> plans) {
        List<Object> macros = new ArrayList<>();
        for (MacroPlan plan : plans.stream().sorted(Comparator.comparing(MacroPlan::name)).toList()) {
            TranslatedModel model = plan.model();
            Map<String, Object> macro = Yaml.map();
            macro.put("name", plan.name());
            String returns = model.columns().isEmpty() ? "" : model.columns().get(0).dataType()
                    .map(t -> " It returns " + t + ".").orElse("");
            macro.put("description", DbtProjectTarget.description(model.description())
                    .or(() -> DbtProjectTarget.description(plan.object().flatMap(CatalogObject::description)))
                    .orElse("SQL Server " + DbtProjectTarget.oneLine(model.kind() + " " + model.object())
                            + ", translated by DataMigrate into one expression.") + returns);
            Map<String, Object> config = Yaml.map();
            config.put("meta", TranslatedModelFiles.sourceMeta(model));
            macro.put("config", config);
            List<Object> arguments = new ArrayList<>();
            for (int i = 0; i < model.parameters().size(); i++) {
                ModelParameter p = model.parameters().get(i);
                Map<String, Object> argument = Yaml.map();
                argument.put("name", plan.arguments().get(i));
                argument.put("type", "string");
                argument.put("description", "SQL for parameter @" + p.name() + " (" + p.sourceType()
                        + " in SQL Server), cast to " + p.targetType().toLowerCase(Locale.ROOT));
                arguments.add(argument);
            }
            if (!arguments.isEmpty()) {
                macro.put("arguments", arguments);
            }
            macros.add(macro);
        }
        Map<String, Object> root = Yaml.map();
        root.put("version", 2);
        root.put("macros", macros);
        return Yaml.write(root);
    }
}
