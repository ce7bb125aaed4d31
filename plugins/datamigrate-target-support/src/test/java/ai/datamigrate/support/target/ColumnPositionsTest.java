package ai.datamigrate.support.target;

import static ai.datamigrate.support.target.Tables.column;
import static ai.datamigrate.support.target.Tables.identity;
import static ai.datamigrate.support.target.Tables.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.catalog.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColumnPositionsTest {

    private final Table jobs = table("dbo", "Jobs", identity("Id", 1, 1), column("Name", "varchar"),
            column("Note", "varchar"));

    @Test
    void namesMatchIgnoringCaseInAnyOrder() {
        ColumnPositions positions = ColumnPositions.of(jobs, List.of("NOTE", "id", "name"));
        ColumnPositions.Shape shape = positions.shape(3);
        assertArrayEquals(new int[] {2, 0, 1}, shape.positions());
        assertArrayEquals(new int[0], shape.generated());
        assertTrue(shape.coversAll());
        assertEquals(Optional.empty(), positions.problem());
    }

    @Test
    void aRowWithoutTheIdentityValueGetsItGenerated() {
        // the source announces every column, an INSERT without a column list gives no identity value
        ColumnPositions positions = ColumnPositions.of(jobs, List.of("Id", "Name", "Note"));
        ColumnPositions.Shape shape = positions.shape(2);
        assertArrayEquals(new int[] {1, 2}, shape.positions());
        assertArrayEquals(new int[] {0}, shape.generated());
        assertTrue(shape.coversAll());
        assertArrayEquals(new int[] {0, 1, 2}, positions.shape(3).positions(), "with all values: as announced");
        assertArrayEquals(new int[] {0, 1, 2}, positions.shape(5).positions(), "a count matching neither");
    }

    @Test
    void columnsLeftOutAreNullUnlessTheyAreIdentities() {
        ColumnPositions.Shape shape = ColumnPositions.of(jobs, List.of("Name")).shape(1);
        assertArrayEquals(new int[] {1}, shape.positions());
        assertArrayEquals(new int[] {0}, shape.generated());
        assertFalse(shape.coversAll(), "Note is NULL");
    }

    @Test
    void anUnknownColumnIsTheProblemOfEveryRow() {
        ColumnPositions positions = ColumnPositions.of(jobs, List.of("Name", "Colour"));
        assertEquals(Optional.of("table dbo.Jobs has no column Colour"), positions.problem());
        assertFalse(positions.shape(2).coversAll());
    }
}
