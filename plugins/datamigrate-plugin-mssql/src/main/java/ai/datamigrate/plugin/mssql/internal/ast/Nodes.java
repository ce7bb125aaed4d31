package ai.datamigrate.plugin.mssql.internal.ast;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

/** Generic access to the children of a node: every node is a record, so its components are its children. */
public final class Nodes {

    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                return new Method[0];
            }
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
            }
            return accessors;
        }
    };

    private Nodes() {
    }

    /** Calls {@code action} on each direct child node, in source order, looking into lists and optionals. */
    public static void forEachChild(Node node, Consumer<Node> action) {
        for (Method accessor : ACCESSORS.get(node.getClass())) {
            visitValue(component(node, accessor), action);
        }
    }

    /** The value of one record component of a node. */
    public static Object component(Object node, Method accessor) {
        try {
            return accessor.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor.getName() + " of " + node.getClass(), e);
        }
    }

    /** The accessors of a record type's components, in declaration order. */
    public static Method[] accessors(Class<?> type) {
        return ACCESSORS.get(type).clone();
    }

    private static void visitValue(Object value, Consumer<Node> action) {
        if (value instanceof Node child) {
            action.accept(child);
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(v -> visitValue(v, action));
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                visitValue(element, action);
            }
        }
    }
}
