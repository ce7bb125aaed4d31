package ai.datamigrate.plugin.dbt.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hands out names that are unique within one scope (a table's columns, a source's tables), in the order asked:
 * the first owner keeps a name, later ones get {@code _2}, {@code _3}, ... Names are cut to the target's
 * identifier length first, because the target would cut them anyway and so make them collide silently.
 */
final class UniqueNames<T> {

    /** A name handed out, and whose name it would have been when it had to be changed. */
    record Allocation<T>(String name, Optional<T> collidedWith, boolean truncated) {
    }

    private final int maxLength;
    private final Map<String, T> owners = new HashMap<>();

    UniqueNames(int maxLength) {
        this.maxLength = maxLength;
    }

    Allocation<T> allocate(String wanted, T owner) {
        String base = cut(wanted, "");
        boolean truncated = !base.equals(wanted);
        T previous = owners.get(base);
        if (previous == null) {
            owners.put(base, owner);
            return new Allocation<>(base, Optional.empty(), truncated);
        }
        for (int n = 2; ; n++) {
            String candidate = cut(wanted, "_" + n);
            if (!owners.containsKey(candidate)) {
                owners.put(candidate, owner);
                return new Allocation<>(candidate, Optional.of(previous), truncated);
            }
        }
    }

    /** Whether {@code name}, cut as {@link #allocate} would cut it, already has an owner. */
    boolean taken(String name) {
        return owners.containsKey(cut(name, ""));
    }

    private String cut(String name, String suffix) {
        int room = maxLength - suffix.length();
        return (name.length() > room ? name.substring(0, room) : name) + suffix;
    }
}
