package ai.datamigrate.plugin.mssql.internal.bench;

import ai.datamigrate.plugin.mssql.internal.MssqlSourceReaderFactory;
import ai.datamigrate.plugin.mssql.internal.lexer.ScriptDecoder;
import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.parser.ParseResult;
import ai.datamigrate.plugin.mssql.internal.parser.TsqlParser;
import ai.datamigrate.plugin.mssql.internal.script.Batch;
import ai.datamigrate.plugin.mssql.internal.script.BatchSplitter;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import ai.datamigrate.plugin.mssql.internal.translate.MssqlTranslatorFactory;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.FunctionKind;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.translate.TranslationRequest;
import ai.datamigrate.spi.translate.Translator;

/**
 * The front-end benchmark ({@code bench/run} drives it; a benchmark, not a test): for each script, times
 * (1) lexing and parsing every GO batch into statements — what sqlglot does with {@code read="tsql"}, on the
 * same batches, which it writes out for sqlglot — (2) the whole reader (decoding, SQLCMD, batches, DDL,
 * bodies, dependencies, catalog) and (3) translating every view, inline function and procedure to PostgreSQL
 * (parse, resolve, translate, render), whose definitions it writes out for sqlglot's transpile. Prints one JSON line per script and measurement.
 *
 * <p>Usage: {@code FrontEndBench <iterations> <batches.json> <script.sql>...}
 */
public final class FrontEndBench {

    private static final double MIN_WARMUP_SECONDS = 5.0;
    private static final double STABLE_SECONDS = 3.0;
    private static final double MAX_WARMUP_SECONDS = 30.0;

    private FrontEndBench() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out; // a command of its own: the architecture test allows bench mains to print
        int iterations = Integer.parseInt(args[0]);
        Path batchesFile = Path.of(args[1]);
        StringBuilder batchesJson = new StringBuilder("{");
        StringBuilder viewsJson = new StringBuilder("{");
        for (int i = 2; i < args.length; i++) {
            Path script = Path.of(args[i]);
            String name = script.getFileName().toString();
            byte[] bytes = Files.readAllBytes(script);
            String text = ScriptDecoder.decode(name, bytes);
            List<Token> tokens = Lexer.tokenize(text);
            List<String> batches = new ArrayList<>();
            for (Batch batch : BatchSplitter.split(tokens)) {
                if (!batch.isEmpty()) {
                    batches.add(text.substring(tokens.get(batch.from()).start(), tokens.get(batch.to() - 1).end()));
                }
            }
            long batchBytes = batches.stream().mapToLong(b -> b.getBytes(StandardCharsets.UTF_8).length).sum();
            batchesJson.append(i > 2 ? "," : "").append(json(name)).append(":{\"bytes\":").append(batchBytes)
                    .append(",\"batches\":[");
            for (int b = 0; b < batches.size(); b++) {
                batchesJson.append(b > 0 ? "," : "").append(json(batches.get(b)));
            }
            batchesJson.append("]}");

            int[] counts = new int[2];
            double parse = best(iterations, () -> {
                int statements = 0;
                int unparsed = 0;
                for (String batch : batches) {
                    ParseResult result = TsqlParser.parse(batch, name);
                    statements += result.statements().size();
                    unparsed += result.unparsed();
                }
                counts[0] = statements;
                counts[1] = unparsed;
            });
            out.println("{\"corpus\":" + json(name) + ",\"tool\":\"datamigrate parser\",\"batches\":" + batches.size()
                    + ",\"statements\":" + counts[0] + ",\"failed_statements\":" + counts[1] + ",\"bytes\":" + batchBytes
                    + ",\"seconds\":" + parse + "}");

            SourceReader reader = new MssqlSourceReaderFactory().create(Map.of(), new BenchContext());
            SourceInput input = SourceInput.of(script);
            double read = best(iterations, () -> reader.read(input));
            out.println("{\"corpus\":" + json(name) + ",\"tool\":\"datamigrate reader\",\"batches\":" + batches.size()
                    + ",\"statements\":" + counts[0] + ",\"failed_statements\":" + counts[1] + ",\"bytes\":"
                    + bytes.length + ",\"seconds\":" + read + "}");

            // parse + resolve + translate + render of every object the translator takes up (views, functions,
            // procedures), against the postgres target found on the class path (plugins never depend
            // on each other, so through ServiceLoader like the host); sqlglot transpiles the same definitions
            Database database = reader.read(input).database();
            List<String> objects = translatable(database);
            viewsJson.append(i > 2 ? "," : "").append(json(name)).append(":[");
            for (int v = 0; v < objects.size(); v++) {
                viewsJson.append(v > 0 ? "," : "").append(json(objects.get(v)));
            }
            viewsJson.append("]");
            Optional<TargetDialect> postgres = postgres();
            if (postgres.isPresent() && !objects.isEmpty()) {
                Translator translator = new MssqlTranslatorFactory().create(Map.of(), new BenchContext());
                TranslationRequest request = new TranslationRequest(database, postgres.get());
                int translated = translator.translate(request).models().size();
                double translate = best(iterations, () -> translator.translate(request));
                out.println("{\"corpus\":" + json(name) + ",\"tool\":\"datamigrate translate\",\"objects\":"
                        + objects.size() + ",\"translated\":" + translated + ",\"seconds\":" + translate + "}");
                // the same with the opt-in Calcite validator pass (mssql.validate=true), to show what it costs
                Translator validating = new MssqlTranslatorFactory().create(Map.of(MssqlTranslatorFactory.VALIDATE,
                        "true"), new BenchContext());
                double validated = best(iterations, () -> validating.translate(request));
                out.println("{\"corpus\":" + json(name) + ",\"tool\":\"datamigrate translate+validate\","
                        + "\"objects\":" + objects.size() + ",\"translated\":" + translated + ",\"seconds\":"
                        + validated + "}");
            }
        }
        Files.writeString(batchesFile, batchesJson.append("}").toString(), StandardCharsets.UTF_8);
        Files.writeString(Path.of(batchesFile + ".views.json"), viewsJson.append("}").toString(),
                StandardCharsets.UTF_8);
    }

    private static Optional<TargetDialect> postgres() {
        return ServiceLoader.load(DataMigratePlugin.class).stream().map(ServiceLoader.Provider::get)
                .flatMap(p -> p.targetDialects().stream()).filter(f -> f.name().equals("postgres")).findFirst()
                .map(f -> f.create(Map.of(), new BenchContext()));
    }

    /**
     * The definitions the translator reads: views, inline table-valued and scalar functions (scalar ones become
     * macros) and procedures.
     */
    private static List<String> translatable(Database database) {
        List<String> objects = new ArrayList<>();
        for (Schema schema : database.schemas()) {
            schema.views().forEach(v -> objects.add(v.definition()));
            schema.functions().stream().filter(f -> f.functionKind() == FunctionKind.INLINE_TABLE_VALUED
                            || f.functionKind() == FunctionKind.SCALAR)
                    .forEach(f -> objects.add(f.definition()));
            schema.procedures().forEach(p -> objects.add(p.definition()));
        }
        return objects;
    }

    /**
     * Warms up until the code reaches its steady state, then returns the best of {@code iterations} timed runs, in
     * seconds. The JIT needs far more than a few runs of a millisecond's work (on a busy 2-core machine, tens of
     * seconds for the translator), so the warm-up lasts until no run has been 3% faster than the best so far for
     * {@value #STABLE_SECONDS} s (at least {@value #MIN_WARMUP_SECONDS} s and 5 runs, at most
     * {@value #MAX_WARMUP_SECONDS} s).
     */
    private static double best(int iterations, Runnable work) {
        long warmupStart = System.nanoTime();
        long improved = warmupStart;
        long fastest = Long.MAX_VALUE;
        for (int i = 0; ; i++) {
            long t0 = System.nanoTime();
            work.run();
            long t1 = System.nanoTime();
            if (t1 - t0 < fastest * 0.97) {
                improved = t1;
            }
            fastest = Math.min(fastest, t1 - t0);
            if (i >= 5 && t1 - warmupStart > MIN_WARMUP_SECONDS * 1e9 && (t1 - improved > STABLE_SECONDS * 1e9
                    || t1 - warmupStart > MAX_WARMUP_SECONDS * 1e9)) {
                break;
            }
        }
        double[] times = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e9;
        }
        return Arrays.stream(times).min().orElse(Double.NaN);
    }

    private static String json(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    private static final class BenchContext implements PluginContext {
        @Override
        public String hostVersion() {
            return "bench";
        }

        @Override
        public String maskSecrets(String text) {
            return text;
        }

        @Override
        public System.Logger logger(String name) {
            return System.getLogger(name);
        }
    }
}
