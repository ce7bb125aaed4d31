package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.plugin.mssql.internal.ast.Expr;
import ai.datamigrate.plugin.mssql.internal.ast.Node;
import ai.datamigrate.plugin.mssql.internal.ast.Nodes;
import ai.datamigrate.plugin.mssql.internal.ast.Part;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Cte;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Name;
import ai.datamigrate.plugin.mssql.internal.ast.Pos;
import ai.datamigrate.plugin.mssql.internal.ast.QueryBody;
import ai.datamigrate.plugin.mssql.internal.ast.Statement;
import ai.datamigrate.plugin.mssql.internal.ast.TableSource;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Dependency;
import ai.datamigrate.spi.catalog.Dependency.Access;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what the parsed bodies read, write and call, and resolves each name the way SQL Server does: a one-part
 * name is in the default schema {@code dbo}, names compare case-insensitively, CTE names, table variables,
 * {@code #temp} tables, aliases and a trigger's {@code inserted}/{@code deleted} are not catalog objects, and
 * built-in functions (one-part names that are not in the catalog) are not dependencies.
 */
final class Dependencies {

    static final String UNRESOLVED = "MSSQL-UNRESOLVED-REFERENCE";
    static final String DYNAMIC_SQL = "MSSQL-DYNAMIC-SQL";

    private final Database database;
    private final Map<String, CatalogObject> objects = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    Dependencies(Database database) {
        this.database = database;
        database.objects().forEach(o -> {
            if (!o.kind().equals("trigger")) {
                objects.putIfAbsent(key(o.name().schema(), o.name().name()), o);
            }
        });
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The dependencies of all bodies, in source order. */
    List<Dependency> collect(Collection<ModuleBody> bodies) {
        Set<Dependency> all = new LinkedHashSet<>();
        Set<String> reported = new HashSet<>();
        // each body is walked on its own (the walkers only read the catalog), in parallel; merged in source order
        List<ModuleBody> inOrder = List.copyOf(bodies);
        List<Walker> walkers = inOrder.parallelStream().map(body -> {
            Walker walker = new Walker(body);
            for (Statement s : body.statements()) {
                walker.walk(s);
            }
            return walker;
        }).toList();
        for (Walker walker : walkers) {
            ModuleBody body = walker.body;
            diagnostics.addAll(walker.dynamicSql);
            for (Dependency d : walker.found) {
                all.add(d);
                if (!d.resolved() && reported.add(d.from() + "->" + d.to() + ":" + d.access())) {
                    boolean external = d.to().schema().contains(".") || isSystemSchema(d.to().schema());
                    String what = d.access() == Access.CALL ? "calls" : d.access() == Access.WRITE ? "writes"
                            : "reads";
                    Diagnostic diagnostic = external
                            ? Diagnostic.info(UNRESOLVED, d.location(), body.kind() + " " + body.name() + " " + what
                                    + " " + d.to() + ", which is outside this database")
                            : Diagnostic.warning(UNRESOLVED, d.location(), body.kind() + " " + body.name() + " "
                                    + what + " " + d.to() + ", which is not defined in the input");
                    diagnostics.add(diagnostic.withObject(body.name().toString()));
                }
            }
        }
        List<Dependency> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(Dependency::location));
        return sorted;
    }

    private static boolean isSystemSchema(String schema) {
        return schema.equalsIgnoreCase("sys") || schema.equalsIgnoreCase("INFORMATION_SCHEMA");
    }

    private static String key(String schema, String name) {
        return schema.toLowerCase(Locale.ROOT) + "\u0000" + name.toLowerCase(Locale.ROOT);
    }

    private final class Walker {
        final ModuleBody body;
        final List<Dependency> found = new ArrayList<>();
        /** Where the body runs dynamic SQL: its own list, as walkers run in parallel. */
        final List<Diagnostic> dynamicSql = new ArrayList<>();
        /** The CTE names in scope, innermost last. */
        final Deque<Set<String>> ctes = new ArrayDeque<>();

        Walker(ModuleBody body) {
            this.body = body;
        }

        void walk(Node node) {
            if (node instanceof Expr.Binary || node instanceof TableSource.Join
                    || node instanceof QueryBody.SetOperation) {
                walkChain(node);
            } else if (node instanceof Part.Query query) {
                withCtes(query.ctes(), () -> Nodes.forEachChild(query, this::walk));
            } else if (node instanceof Cte cte) {
                walk(cte.query());
            } else if (node instanceof TableSource.Named named) {
                table(named.name(), Access.READ);
            } else if (node instanceof TableSource.Function function) {
                routine(function.call().name(), Access.CALL, true);
                Nodes.forEachChild(function.call(), this::walk);
            } else if (node instanceof Expr.FunctionCall call) {
                routine(call.name(), Access.CALL, false);
                Nodes.forEachChild(call, this::walk);
            } else if (node instanceof Expr.NextValueFor next) {
                reference(next.sequence(), Access.READ);
                next.over().ifPresent(this::walk);
            } else if (node instanceof QueryBody.Select select) {
                select.into().ifPresent(into -> table(into, Access.WRITE));
                Nodes.forEachChild(select, this::walk);
            } else if (node instanceof Statement.Insert insert) {
                withCtes(insert.ctes(), () -> {
                    target(insert.target(), List.of());
                    insert.output().ifPresent(this::walk);
                    walk(insert.source());
                });
            } else if (node instanceof Statement.Update update) {
                withCtes(update.ctes(), () -> {
                    target(update.target(), update.from());
                    Nodes.forEachChild(update, child -> {
                        if (child != update.target()) {
                            walk(child);
                        }
                    });
                });
            } else if (node instanceof Statement.Delete delete) {
                withCtes(delete.ctes(), () -> {
                    target(delete.target(), delete.from());
                    Nodes.forEachChild(delete, child -> {
                        if (child != delete.target()) {
                            walk(child);
                        }
                    });
                });
            } else if (node instanceof Statement.Merge merge) {
                withCtes(merge.ctes(), () -> {
                    target(merge.target(), List.of());
                    Nodes.forEachChild(merge, child -> {
                        if (child != merge.target()) {
                            walk(child);
                        }
                    });
                });
            } else if (node instanceof Part.OutputClause output) {
                output.items().forEach(this::walk);
                output.into().ifPresent(into -> target(into, List.of()));
            } else if (node instanceof Statement.Truncate truncate) {
                table(truncate.table(), Access.WRITE);
            } else if (node instanceof Statement.Execute execute) {
                execute.procedure().ifPresent(p -> {
                    if (p.last().equalsIgnoreCase("sp_executesql")) {
                        dynamic(execute.pos());
                    } else {
                        routine(p, Access.CALL, true);
                    }
                });
                execute.procedureVariable().ifPresent(v -> dynamic(execute.pos()));
                execute.arguments().forEach(this::walk);
            } else if (node instanceof Statement.ExecuteString execute) {
                dynamic(execute.pos());
                walk(execute.sql());
            } else if (node instanceof Statement.Drop || node instanceof Statement.CreateTable) {
                // temp tables of the body; a routine that creates real tables is out of the catalog's reach
                Nodes.forEachChild(node, child -> {
                    if (!(child instanceof Name)) {
                        walk(child);
                    }
                });
            } else {
                Nodes.forEachChild(node, this::walk);
            }
        }

        /** Left-deep chains (a + b + ..., joins, unions) can be thousands long: walk them without recursing. */
        private void walkChain(Node node) {
            ArrayDeque<Node> rights = new ArrayDeque<>();
            Node left = node;
            while (true) {
                if (left instanceof Expr.Binary b) {
                    rights.push(b.right());
                    left = b.left();
                } else if (left instanceof TableSource.Join j) {
                    j.on().ifPresent(rights::push);
                    rights.push(j.right());
                    left = j.left();
                } else if (left instanceof QueryBody.SetOperation s) {
                    rights.push(s.right());
                    left = s.left();
                } else {
                    break;
                }
            }
            walk(left);
            while (!rights.isEmpty()) {
                walk(rights.pop());
            }
        }

        private void withCtes(List<Cte> list, Runnable inside) {
            if (list.isEmpty()) {
                inside.run();
                return;
            }
            Set<String> names = new HashSet<>();
            list.forEach(c -> names.add(c.name().toLowerCase(Locale.ROOT)));
            ctes.addLast(names); // recursive CTEs see their own name
            try {
                list.forEach(this::walk);
                inside.run();
            } finally {
                ctes.removeLast();
            }
        }

        /** The target of INSERT/UPDATE/DELETE/MERGE/OUTPUT INTO: an alias of the FROM clause stands for its table. */
        private void target(TableSource target, List<TableSource> from) {
            if (!(target instanceof TableSource.Named named)) {
                walk(target);
                return;
            }
            Name name = named.name();
            if (name.parts().size() == 1) {
                Optional<TableSource.Named> aliased = findAlias(from, name.last());
                if (aliased.isPresent()) {
                    table(aliased.get().name(), Access.WRITE, named.pos());
                    return;
                }
            }
            table(name, Access.WRITE);
        }

        private Optional<TableSource.Named> findAlias(List<TableSource> sources, String alias) {
            for (TableSource source : sources) {
                Optional<TableSource.Named> found = findAlias(source, alias);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }

        private Optional<TableSource.Named> findAlias(TableSource source, String alias) {
            if (source instanceof TableSource.Named named) {
                return named.alias().filter(a -> a.equalsIgnoreCase(alias)).map(a -> named);
            } else if (source instanceof TableSource.Join join) {
                return findAlias(join.left(), alias).or(() -> findAlias(join.right(), alias));
            } else if (source instanceof TableSource.Parenthesized p) {
                return findAlias(p.inner(), alias);
            }
            return Optional.empty();
        }

        private void table(Name name, Access access) {
            table(name, access, name.pos());
        }

        private void table(Name name, Access access, Pos at) {
            if (name.isTemp()) {
                return;
            }
            if (name.parts().size() == 1) {
                String last = name.last().toLowerCase(Locale.ROOT);
                for (Set<String> scope : ctes) {
                    if (scope.contains(last)) {
                        return;
                    }
                }
                if (body.kind().equals("trigger") && (last.equals("inserted") || last.equals("deleted"))
                        && !objects.containsKey(key("dbo", last))) {
                    return;
                }
            }
            reference(name, access, at);
        }

        /** A function or procedure: one-part names not in the catalog are built-ins or system procedures. */
        private void routine(Name name, Access access, boolean onePartMayBeUser) {
            boolean onePart = name.parts().size() == 1;
            if (onePart) {
                CatalogObject known = objects.get(key("dbo", name.last()));
                boolean isRoutine = known != null && (known.kind().equals("function")
                        || known.kind().equals("procedure"));
                if (!isRoutine) {
                    if (onePartMayBeUser && !isSystemName(name.last())) {
                        reference(name, access, name.pos());
                    }
                    return;
                }
            }
            if (name.parts().size() == 2 && isSystemSchema(name.parts().get(0))) {
                return;
            }
            if (!onePartMayBeUser && isXmlMethod(name.last()) && !isKnownRoutine(name)) {
                return; // col.value('...', 'int'): a method of an xml column, which the parser cannot tell apart
            }
            reference(name, access, name.pos());
        }

        private boolean isXmlMethod(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.equals("value") || lower.equals("query") || lower.equals("exist") || lower.equals("nodes")
                    || lower.equals("modify");
        }

        private boolean isKnownRoutine(Name name) {
            List<String> parts = name.parts();
            String schema = parts.size() >= 2 && !parts.get(parts.size() - 2).isEmpty()
                    ? parts.get(parts.size() - 2) : ScriptContext.DEFAULT_SCHEMA;
            CatalogObject known = objects.get(key(schema, name.last()));
            return known != null && known.kind().equals("function");
        }

        private boolean isSystemName(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.startsWith("sp_") || lower.startsWith("xp_") || lower.startsWith("fn_")
                    || lower.startsWith("open") || lower.equals("string_split") || lower.equals("generate_series")
                    || lower.equals("containstable") || lower.equals("freetexttable");
        }

        private void reference(Name name, Access access) {
            reference(name, access, name.pos());
        }

        private void reference(Name name, Access access, Pos at) {
            List<String> parts = name.parts();
            int n = parts.size();
            String object = parts.get(n - 1);
            String schema = n >= 2 && !parts.get(n - 2).isEmpty() ? parts.get(n - 2) : ScriptContext.DEFAULT_SCHEMA;
            SourceLocation location = body.locator().at(at.line(), at.column());
            boolean local = n <= 2 || (n == 3 && parts.get(0).equalsIgnoreCase(database.name()));
            if (local) {
                CatalogObject known = objects.get(key(schema, object));
                if (known != null) {
                    found.add(new Dependency(body.name(), known.name(), known.kind(), access, location));
                    return;
                }
            }
            String written = local ? schema : String.join(".", parts.subList(0, n - 2)) + "." + schema;
            found.add(new Dependency(body.name(), new ObjectName(written, object), "unresolved", access, location));
        }

        private void dynamic(Pos at) {
            dynamicSql.add(Diagnostic.info(DYNAMIC_SQL, body.locator().at(at.line(), at.column()),
                    body.kind() + " " + body.name() + " runs dynamic SQL; what it reads and writes is not known")
                    .withObject(body.name().toString()));
        }
    }
}
