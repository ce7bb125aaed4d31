package ai.datamigrate.support.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.catalog.DataType;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SqlServerTypesTest {

    private static DataType withLength(String name, int length) {
        return new DataType(name, OptionalInt.of(length), OptionalInt.empty(), OptionalInt.empty(), false,
                java.util.Optional.empty());
    }

    @Test
    void floatUpTo24BitsIsSinglePrecision() {
        assertTrue(SqlServerTypes.singlePrecision(withLength("float", 24)));
        assertFalse(SqlServerTypes.singlePrecision(withLength("float", 25)));
        assertFalse(SqlServerTypes.singlePrecision(DataType.of("float")), "float is float(53)");
    }

    @Test
    void fractionalDigitsDefaultToSeven() {
        assertEquals(7, SqlServerTypes.fractionalDigits(DataType.of("datetime2")));
        assertEquals(3, SqlServerTypes.fractionalDigits(withLength("time", 3)));
    }

    @Test
    void doubleQuotesAreDoubledInsideQuotes() {
        assertEquals("\"Order \"\"Details\"\"\"", SqlServerTypes.doubleQuoted("Order \"Details\""));
    }
}
