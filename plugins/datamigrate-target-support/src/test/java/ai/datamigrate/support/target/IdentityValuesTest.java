package ai.datamigrate.support.target;

import static ai.datamigrate.support.target.Tables.column;
import static ai.datamigrate.support.target.Tables.identity;
import static ai.datamigrate.support.target.Tables.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentityValuesTest {

    @Test
    void theSeedFirstThenTheLastValuePlusTheIncrement() {
        IdentityValues values = new IdentityValues(table("dbo", "T", column("a", "int"), identity("id", 100, 10)));
        assertTrue(values.any());
        assertFalse(values.isIdentity(0));
        assertTrue(values.isIdentity(1));
        assertEquals(100, values.next(1));
        assertEquals(110, values.next(1));
        values.observe(1, 500); // SET IDENTITY_INSERT ON
        assertEquals(510, values.next(1));
        values.observe(1, 200); // behind the identity: does not move it back
        assertEquals(520, values.next(1));
    }

    @Test
    void aDescendingIdentityMovesOnDownwards() {
        IdentityValues values = new IdentityValues(table("dbo", "T", identity("id", -1, -1)));
        assertEquals(-1, values.next(0));
        values.observe(0, -50);
        assertEquals(-51, values.next(0));
        values.observe(0, 7);
        assertEquals(-52, values.next(0));
    }

    @Test
    void aTableWithoutIdentityHasNone() {
        assertFalse(new IdentityValues(table("dbo", "T", column("a", "int"))).any());
    }
}
