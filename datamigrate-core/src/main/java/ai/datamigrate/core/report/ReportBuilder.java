package ai.datamigrate.core.report;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.AliasType;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Dependency;
import ai.datamigrate.spi.catalog.ForeignKey;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.Trigger;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.output.ObjectOutcome;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds a {@link MigrationReport} from the catalog, every diagnostic of the run (source and output), the output
 * target's per-object outcomes and the catalog's dependencies. Pure and deterministic: the same inputs give an
 * equal report.
 *
 * <p>Status rules, in this order, for each object (diagnostics are matched by {@link Diagnostic#object()},
 * {@code schema.name} compared case-insensitively; outcomes by name and kind):
 * <ol>
 *   <li>not generated and a warning or error says the construct is unsupported: {@code unsupported};</li>
 *   <li>an error about it: {@code needs_review};</li>
 *   <li>generated: {@code converted_with_warnings} when a warning is about it, else {@code converted};</li>
 *   <li>an alias type that was not generated and has no warning: {@code converted} (the reader resolves alias
 *       types into the columns' base types, which the output maps, so no model is expected for it);</li>
 *   <li>otherwise, not generated although it should have been: {@code needs_review}. An object without an
 *       outcome counts as not generated.</li>
 * </ol>
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class ReportBuilder {

    /** Kinds in report order. Unknown kinds (from future catalog types) sort after these, by name. */
    public static final List<String> KIND_ORDER = List.of("table", "view", "procedure", "function", "trigger",
            "sequence", "type");

    private static final Pattern SAYS_UNSUPPORTED = Pattern.compile("\\b(unsupported|not supported)\\b",
            Pattern.CASE_INSENSITIVE);

    private final ReportHeader header;
    private final Database database;
    private List<Diagnostic> diagnostics = List.of();
    private List<ObjectOutcome> outcomes = List.of();
    private Optional<Path> input = Optional.empty();
    private boolean effort;
    private Map<String, LlmTrace> traces = Map.of();
    private Optional<LlmRunSummary> llm = Optional.empty();

    private ReportBuilder(ReportHeader header, Database database) {
        this.header = Objects.requireNonNull(header, "header");
        this.database = Objects.requireNonNull(database, "database");
    }

    public static ReportBuilder of(ReportHeader header, Database database) {
        return new ReportBuilder(header, database);
    }

    /** Every diagnostic of the run: the source reader's and the output target's. */
    public ReportBuilder diagnostics(List<Diagnostic> all) {
        this.diagnostics = all.stream().sorted().toList();
        return this;
    }

    /** What the output target made of each object ({@code OutputResult.outcomes()}). */
    public ReportBuilder outcomes(List<ObjectOutcome> all) {
        this.outcomes = List.copyOf(all);
        return this;
    }

    /** The input file or folder: locations and messages are made relative to it so that no absolute path leaks. */
    public ReportBuilder input(Path path) {
        this.input = Optional.of(path);
        return this;
    }

    /**
     * What the agent pipeline did: per object ({@code kind schema.name}, compared case-insensitively) and for the
     * run.
     */
    public ReportBuilder llm(Map<String, LlmTrace> perObject, Optional<LlmRunSummary> run) {
        Map<String, LlmTrace> keyed = new HashMap<>();
        perObject.forEach((k, v) -> keyed.put(k.toLowerCase(Locale.ROOT), v));
        this.traces = keyed;
        this.llm = run;
        return this;
    }

    /** Adds the effort estimate of an assessment (see {@link #effortMinutes}). */
    public ReportBuilder withEffortEstimate() {
        this.effort = true;
        return this;
    }

    public MigrationReport build() {
        Paths paths = new Paths(input);
        List<CatalogObject> catalogObjects = database.objects()
                .sorted(Comparator.comparing((CatalogObject o) -> kindRank(o.kind())).thenComparing(CatalogObject::kind)
                        .thenComparing(CatalogObject::name))
                .toList();
        Map<String, List<Integer>> byName = new HashMap<>();
        for (int i = 0; i < catalogObjects.size(); i++) {
            byName.computeIfAbsent(key(catalogObjects.get(i).name().toString()), k -> new ArrayList<>()).add(i);
        }
        List<List<ReportDiagnostic>> attached = new ArrayList<>();
        catalogObjects.forEach(o -> attached.add(new ArrayList<>()));
        List<ReportDiagnostic> unattached = new ArrayList<>();
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Map<String, Integer> byCode = new TreeMap<>();
        for (Diagnostic d : diagnostics) {
            bySeverity.merge(d.severity(), 1, Integer::sum);
            byCode.merge(d.code(), 1, Integer::sum);
            ReportDiagnostic entry = new ReportDiagnostic(d.severity(), d.code(), paths.scrub(d.message()),
                    paths.location(d.location()), d.object());
            List<Integer> targets = d.object().map(o -> byName.get(key(o))).orElse(null);
            if (targets == null) {
                unattached.add(entry);
            } else {
                targets.forEach(i -> attached.get(i).add(entry));
            }
        }
        // by name and kind, case-insensitively, the first of a name winning: a scan per object was quadratic
        Map<String, ObjectOutcome> outcomeByObject = new HashMap<>();
        outcomes.forEach(o -> outcomeByObject.putIfAbsent(key(o.object(), o.kind()), o));
        Map<String, List<Dependency>> dependenciesByObject = new HashMap<>();
        database.dependencies().forEach(d -> dependenciesByObject.computeIfAbsent(key(d.from(), ""),
                k -> new ArrayList<>()).add(d));
        List<ReportObject> objects = new ArrayList<>();
        for (int i = 0; i < catalogObjects.size(); i++) {
            CatalogObject object = catalogObjects.get(i);
            Optional<ObjectOutcome> outcome = Optional.ofNullable(outcomeByObject.get(key(object.name(),
                    object.kind())));
            List<ReportDiagnostic> about = attached.get(i);
            ObjectStatus status = status(object.kind(), outcome, about);
            List<String> dependencies = dependencies(object, dependenciesByObject.getOrDefault(key(object.name(), ""),
                    List.of()));
            int lines = object.definition().isEmpty() ? 0 : (int) object.definition().lines().count();
            boolean generated = outcome.map(ReportBuilder::generated).orElse(false);
            objects.add(new ReportObject(object.name().schema(), object.name().name(), object.kind(), status,
                    generated ? outcome.get().model() : Optional.empty(),
                    generated ? outcome.get().files().stream().sorted().toList() : List.of(),
                    generated ? outcome.get().origin() : Optional.empty(),
                    paths.location(object.location()), lines, dependencies, about,
                    effort ? OptionalInt.of(effortMinutes(object.kind(), status, lines, dependencies.size(), about))
                            : OptionalInt.empty(),
                    Optional.ofNullable(traces.get((object.kind() + " " + object.name()).toLowerCase(Locale.ROOT)))));
        }
        return new MigrationReport(header, summary(objects, bySeverity, byCode), objects, unattached, llm);
    }

    private ReportSummary summary(List<ReportObject> objects, Map<Severity, Integer> bySeverity,
                                  Map<String, Integer> byCode) {
        Map<String, List<ReportObject>> byKind = new LinkedHashMap<>();
        objects.forEach(o -> byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o));
        List<KindSummary> kinds = byKind.entrySet().stream().map(e -> kindSummary(e.getKey(), e.getValue())).toList();
        Optional<EffortEstimate> estimate = Optional.empty();
        if (effort) {
            int minutes = objects.stream().mapToInt(o -> o.effortMinutes().orElse(0)).sum();
            estimate = Optional.of(new EffortEstimate(EFFORT_METHOD, minutes, Math.round(minutes / 6.0) / 10.0));
        }
        return new ReportSummary(kindSummary("all", objects), kinds, bySeverity, byCode, estimate);
    }

    private static KindSummary kindSummary(String kind, List<ReportObject> objects) {
        Map<ObjectStatus, Integer> counts = new EnumMap<>(ObjectStatus.class);
        objects.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
        int inScope = objects.size() - counts.getOrDefault(ObjectStatus.SKIPPED_BY_USER, 0);
        int converted = counts.getOrDefault(ObjectStatus.CONVERTED, 0)
                + counts.getOrDefault(ObjectStatus.CONVERTED_WITH_WARNINGS, 0);
        double coverage = inScope == 0 ? 100.0 : Math.round(converted * 1000.0 / inScope) / 10.0;
        return new KindSummary(kind, objects.size(), counts, coverage);
    }

    static ObjectStatus status(String kind, Optional<ObjectOutcome> outcome, List<ReportDiagnostic> about) {
        boolean generated = outcome.map(ReportBuilder::generated).orElse(false);
        boolean errors = about.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        boolean warnings = about.stream().anyMatch(d -> d.severity() == Severity.WARNING);
        boolean unsupported = about.stream().anyMatch(d -> d.severity() != Severity.INFO
                && (d.code().toUpperCase(Locale.ROOT).contains("UNSUPPORTED")
                || SAYS_UNSUPPORTED.matcher(d.message()).find()));
        if (!generated && unsupported) {
            return ObjectStatus.UNSUPPORTED;
        }
        if (errors) {
            return ObjectStatus.NEEDS_REVIEW;
        }
        if (generated) {
            return warnings ? ObjectStatus.CONVERTED_WITH_WARNINGS : ObjectStatus.CONVERTED;
        }
        if ("type".equals(kind) && !warnings) {
            return ObjectStatus.CONVERTED;
        }
        return ObjectStatus.NEEDS_REVIEW;
    }

    private static boolean generated(ObjectOutcome outcome) {
        return outcome.model().isPresent() || !outcome.files().isEmpty();
    }

    /** The heuristic's name, written into the report so that a reader knows which rules produced the numbers. */
    public static final String EFFORT_METHOD = "datamigrate-heuristic-1";

    /**
     * Estimated minutes of human work for one object ({@value #EFFORT_METHOD}, documented in
     * {@code docs/migration-report.md}): 5 to review a clean conversion; 10 plus 10 per warning for one with
     * warnings; for one that needs review a base by kind (table 20, view 30, function 45, procedure and trigger 60,
     * sequence and type 10, other 30) plus 2 per started 10 lines of definition, 5 per dependency, 10 per error and
     * 5 per warning; twice that when the construct is unsupported; nothing when skipped by the user.
     */
    public static int effortMinutes(String kind, ObjectStatus status, int definitionLines, int dependencies,
                                    List<ReportDiagnostic> about) {
        int errors = (int) about.stream().filter(d -> d.severity() == Severity.ERROR).count();
        int warnings = (int) about.stream().filter(d -> d.severity() == Severity.WARNING).count();
        int byHand = switch (kind) {
            case "table" -> 20;
            case "view" -> 30;
            case "function" -> 45;
            case "procedure", "trigger" -> 60;
            case "sequence", "type" -> 10;
            default -> 30;
        } + 2 * ((definitionLines + 9) / 10) + 5 * dependencies + 10 * errors + 5 * warnings;
        return switch (status) {
            case CONVERTED -> 5;
            case CONVERTED_WITH_WARNINGS -> 10 + 10 * warnings;
            case NEEDS_REVIEW -> byHand;
            case UNSUPPORTED -> 2 * byHand;
            case SKIPPED_BY_USER -> 0;
        };
    }

    /** @param declared the catalog's dependencies from this object ({@link Database#dependenciesOf}) */
    private static List<String> dependencies(CatalogObject object, List<Dependency> declared) {
        TreeSet<ObjectName> names = new TreeSet<>();
        for (Dependency dependency : declared) {
            names.add(dependency.to());
        }
        if (object instanceof Table table) {
            for (ForeignKey fk : table.foreignKeys()) {
                names.add(fk.referencedTable());
            }
            for (Column column : table.columns()) {
                column.type().aliasName().ifPresent(names::add);
            }
        } else if (object instanceof Trigger trigger) {
            trigger.table().ifPresent(names::add);
        } else if (object instanceof AliasType) {
            return List.of();
        }
        // names differing only in case are one object to SQL Server; keep the first spelling
        Map<String, String> distinct = new LinkedHashMap<>();
        for (ObjectName name : names) {
            if (!name.matches(object.name())) {
                distinct.putIfAbsent(key(name.toString()), name.schema().isEmpty() ? name.name() : name.toString());
            }
        }
        return List.copyOf(distinct.values());
    }

    static int kindRank(String kind) {
        int rank = KIND_ORDER.indexOf(kind);
        return rank < 0 ? KIND_ORDER.size() : rank;
    }

    private static String key(String qualifiedName) {
        return qualifiedName.toLowerCase(Locale.ROOT);
    }

    /** {@link ObjectName#matches} and a case-insensitive kind as a map key. */
    private static String key(ObjectName name, String kind) {
        return name.schema().toLowerCase(Locale.ROOT) + '\u0000' + name.name().toLowerCase(Locale.ROOT) + '\u0000'
                + kind.toLowerCase(Locale.ROOT);
    }

    /** Makes locations and messages independent of where the input lies on this machine. */
    private static final class Paths {
        private final Optional<Path> base;

        Paths(Optional<Path> input) {
            this.base = input.map(p -> {
                Path absolute = p.toAbsolutePath().normalize();
                Path folder = Files.isDirectory(absolute) ? absolute : absolute.getParent();
                return folder == null ? absolute : folder;
            });
        }

        String location(SourceLocation location) {
            String file = file(location.file());
            return location.line() == 0 ? file : file + ":" + location.line() + ":" + location.column();
        }

        private String file(String file) {
            Path path;
            try {
                path = Path.of(file);
            } catch (InvalidPathException e) {
                return file;
            }
            if (base.isPresent()) {
                Path absolute = path.toAbsolutePath().normalize();
                if (absolute.startsWith(base.get()) && !absolute.equals(base.get())) {
                    return slashes(base.get().relativize(absolute));
                }
            } else if (!path.isAbsolute()) {
                return slashes(path);
            }
            return path.getFileName() == null ? file : path.getFileName().toString();
        }

        String scrub(String message) {
            if (base.isEmpty()) {
                return message;
            }
            String prefix = base.get().toString();
            return message.replace(prefix + base.get().getFileSystem().getSeparator(), "").replace(prefix, ".");
        }

        private static String slashes(Path path) {
            return path.toString().replace('\\', '/');
        }
    }
}
