package ai.datamigrate.support.target;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the values of a source row go, for the column list a source announced ({@code RowConsumer.columns}): the
 * table column of each value, and the identity columns the list leaves out, whose values are generated as SQL Server
 * does. When the list has identity columns, a second shape without them: an INSERT without a column list gives no
 * values for them (SQL Server generates them), while the source may announce all the table's columns.
 */
public final class ColumnPositions {

    /**
     * One way a row's values map to the table's columns.
     *
     * @param positions the table column of each value ({@code -1}: the table has no such column)
     * @param generated the identity columns whose values are generated
     * @param coversAll whether the given and the generated columns set every column (no NULLs to fill in)
     */
    public record Shape(int[] positions, int[] generated, boolean coversAll) {
    }

    private final Shape all;
    private final Shape withoutIdentity;
    private final String problem;

    private ColumnPositions(Shape all, Shape withoutIdentity, String problem) {
        this.all = all;
        this.withoutIdentity = withoutIdentity;
        this.problem = problem;
    }

    /** The positions of {@code columnNames} (matched ignoring case) in {@code table}. */
    public static ColumnPositions of(Table table, List<String> columnNames) {
        int[] mapped = new int[columnNames.size()];
        String problem = null;
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = indexOf(table, columnNames.get(i));
            if (mapped[i] < 0) {
                problem = "table " + table.name() + " has no column " + columnNames.get(i);
            }
        }
        Shape all = shape(table, mapped);
        int[] withoutIdentity = Arrays.stream(mapped)
                .filter(c -> c < 0 || table.columns().get(c).identity().isEmpty()).toArray();
        return new ColumnPositions(all, withoutIdentity.length == mapped.length ? null
                : shape(table, withoutIdentity), problem);
    }

    private static Shape shape(Table table, int[] mapped) {
        int[] generated = omittedIdentities(table, mapped);
        return new Shape(mapped, generated, coversAll(table.columns().size(), mapped, generated));
    }

    private static int[] omittedIdentities(Table table, int[] mapped) {
        List<Integer> omitted = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            int column = i;
            if (table.columns().get(i).identity().isPresent() && Arrays.stream(mapped).noneMatch(m -> m == column)) {
                omitted.add(i);
            }
        }
        return omitted.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean coversAll(int columns, int[] given, int[] generate) {
        boolean[] set = new boolean[columns];
        for (int c : given) {
            if (c < 0) {
                return false;
            }
            set[c] = true;
        }
        for (int c : generate) {
            set[c] = true;
        }
        for (boolean b : set) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(Table table, String name) {
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Why the rows of this column list cannot be loaded (a column the table does not have), if they cannot. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * The shape for a row of {@code valueCount} values: the one without identity columns when only that one has as
     * many positions, else the whole list (a row whose count matches neither is rejected by the caller).
     */
    public Shape shape(int valueCount) {
        if (valueCount != all.positions.length && withoutIdentity != null
                && valueCount == withoutIdentity.positions.length) {
            return withoutIdentity;
        }
        return all;
    }
}
