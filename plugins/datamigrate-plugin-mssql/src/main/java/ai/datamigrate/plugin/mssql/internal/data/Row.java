package ai.datamigrate.plugin.mssql.internal.data;

import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One row of an {@code INSERT ... VALUES}: its values in the order of the statement's column list.
 *
 * <p>Values are plain Java values, as JDBC's {@code getObject} gives them: {@link String} for strings and for
 * date and time literals (kept as written: their meaning depends on the session's date format), {@link Long} for
 * whole numbers that fit, {@link java.math.BigDecimal} for other numbers and money, {@code byte[]} for binary,
 * {@code null} for {@code NULL}, and {@link Unevaluated} for anything else.
 *
 * @param location    where the row's opening parenthesis is
 * @param diagnostics what is wrong with this row (values not evaluated, a value count that does not match the
 *                    column list); empty for a clean row
 */
public record Row(List<Object> values, SourceLocation location, List<Diagnostic> diagnostics) {

    public Row {
        // SQL NULL is a Java null here, so List.copyOf (which rejects nulls) cannot be used.
        values = Collections.unmodifiableList(new ArrayList<>(values));
        Objects.requireNonNull(location, "location");
        diagnostics = List.copyOf(diagnostics);
    }

    public Object value(int index) {
        return values.get(index);
    }

    public int size() {
        return values.size();
    }

    /** Whether every value was evaluated and the row has the statement's shape. */
    public boolean isClean() {
        return diagnostics.isEmpty();
    }
}
