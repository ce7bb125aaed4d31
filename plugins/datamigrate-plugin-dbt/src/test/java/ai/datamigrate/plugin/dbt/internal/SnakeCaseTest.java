package ai.datamigrate.plugin.dbt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnakeCaseTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CustomerID|customer_id", "OrderID|order_id", "Weight Kg|weight_kg", "HomePage|home_page",
        "ProductName|product_name", "au_lname|au_lname", "UnitsInStock|units_in_stock", "LineNo|line_no",
        "SKU|sku", "IDNumber|id_number", "Order Details|order_details", "Order|order", "User|user",
        "already_snake|already_snake", "Address2|address2", "Address2Line|address2_line", "HTTPServer|http_server",
        "  padded  |padded", "a--b|a_b", "_Leading|leading", "Crème Brûlée|creme_brulee", "Northwind Mini|northwind_mini",
        "ÆØÅ|a", "日本|''", "Qty/Unit|qty_unit", "x|x", "ABC123|abc123"})
    void convertsNames(String name, String expected) {
        assertEquals(expected, SnakeCase.of(name));
    }
}
