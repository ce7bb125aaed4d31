package ai.datamigrate.plugin.mssql.internal.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Catalog rows captured as JSON (src/test/resources/live), read into {@link CatalogRows}. */
final class LiveFixtures {

    static final String URL = "jdbc:sqlserver://db.example.com:1433;databaseName=Northwind";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveFixtures() {
    }

    static CatalogRows northwind() {
        try (InputStream in = LiveFixtures.class.getResourceAsStream("/live/northwind-rows.json")) {
            if (in == null) {
                throw new IllegalStateException("fixture /live/northwind-rows.json is missing");
            }
            return JSON.readValue(in, CatalogRows.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows given inline, e.g. {@code {"databaseName": "x", "schemas": [...]}}; absent lists are empty. */
    static CatalogRows rows(String json) {
        try {
            return JSON.readValue(json, CatalogRows.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same rows with every list in reverse order: the server promises no order the mapper may rely on. */
    static CatalogRows reversed(CatalogRows rows) {
        RecordComponent[] components = CatalogRows.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                Object value = components[i].getAccessor().invoke(rows);
                if (value instanceof List<?> list) {
                    List<Object> copy = new ArrayList<>(list);
                    Collections.reverse(copy);
                    value = copy;
                }
                values[i] = value;
            }
            return CatalogRows.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e instanceof InvocationTargetException ite ? ite.getCause() : e);
        }
    }
}
