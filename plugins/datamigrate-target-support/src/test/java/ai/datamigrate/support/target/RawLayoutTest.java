package ai.datamigrate.support.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RawLayoutTest {

    @Test
    void schemasOtherThanDboGoBesideTheRawSchema() {
        assertEquals("raw", RawLayout.schemaFor("raw", "dbo"));
        assertEquals("raw", RawLayout.schemaFor("raw", "DBO"));
        assertEquals("raw_sales", RawLayout.schemaFor("raw", "sales"));
        assertEquals("landing_human_resources", RawLayout.schemaFor("landing", "HumanResources"));
        assertEquals("raw_sales_data", RawLayout.schemaFor("raw", "Sales Data"));
        assertEquals("raw_hr_data", RawLayout.schemaFor("raw", "HRData"));
    }
}
