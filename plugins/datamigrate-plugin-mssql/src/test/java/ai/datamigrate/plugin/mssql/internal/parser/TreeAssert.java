package ai.datamigrate.plugin.mssql.internal.parser;

import ai.datamigrate.plugin.mssql.internal.ast.Nodes;
import ai.datamigrate.plugin.mssql.internal.ast.Pos;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Compares syntax trees component by component, ignoring source positions. */
public final class TreeAssert {

    private TreeAssert() {
    }

    /** The path to the first difference, or empty when the trees are equal apart from positions. */
    public static Optional<String> difference(Object expected, Object actual) {
        return diff(expected, actual, "");
    }

    private static Optional<String> diff(Object a, Object b, String path) {
        if (a instanceof Pos && b instanceof Pos) {
            return Optional.empty();
        }
        if (a instanceof Record && b instanceof Record) {
            if (a.getClass() != b.getClass()) {
                return Optional.of(path + ": " + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName());
            }
            for (Method accessor : Nodes.accessors(a.getClass())) {
                if (accessor.getReturnType() == Pos.class) {
                    continue;
                }
                Optional<String> d = diff(Nodes.component(a, accessor), Nodes.component(b, accessor),
                        path + "/" + a.getClass().getSimpleName() + "." + accessor.getName());
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return Optional.of(path + ": " + la.size() + " elements vs " + lb.size());
            }
            for (int i = 0; i < la.size(); i++) {
                Optional<String> d = diff(la.get(i), lb.get(i), path + "[" + i + "]");
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (a instanceof Optional<?> oa && b instanceof Optional<?> ob) {
            if (oa.isPresent() != ob.isPresent()) {
                return Optional.of(path + ": " + oa + " vs " + ob);
            }
            return oa.isPresent() ? diff(oa.get(), ob.get(), path) : Optional.empty();
        }
        return Objects.equals(a, b) ? Optional.empty() : Optional.of(path + ": " + a + " vs " + b);
    }
}
