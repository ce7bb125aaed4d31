package ai.datamigrate.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.target.ProfileField;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TypeMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every target dialect must satisfy. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface TargetDialectContract {

    TargetDialect dialect();

    /** The SQL Server types every target must map (to something, exact or lossy with a note). */
    List<DataType> COMMON_TYPES = List.of(DataType.of("int"), DataType.of("bigint"), DataType.of("smallint"),
            DataType.of("tinyint"), DataType.of("bit"), DataType.withPrecision("decimal", 18, 2),
            DataType.of("money"), DataType.of("float"), DataType.of("real"), DataType.withLength("varchar", 40),
            DataType.withLength("nvarchar", 40), DataType.withMaxLength("nvarchar"), DataType.withLength("char", 5),
            DataType.of("ntext"), DataType.of("text"), DataType.of("datetime"), DataType.of("date"),
            DataType.of("datetime2"), DataType.of("uniqueidentifier"), DataType.of("image"),
            DataType.withLength("varbinary", 16), DataType.of("xml"));

    @Test
    default void mapsEveryCommonType() {
        for (DataType type : COMMON_TYPES) {
            TypeMapping mapping = dialect().mapType(type);
            assertFalse(mapping.targetType().isBlank(), "no target type for " + type);
            assertTrue(mapping.exact() || mapping.note().isPresent(), "a lossy mapping must explain itself: " + type);
        }
    }

    @Test
    default void quotingRoundTripsEmbeddedQuotes() {
        String quoted = dialect().quoteIdentifier("Order \"Details\"");
        assertTrue(quoted.length() > "Order \"Details\"".length(), quoted);
        assertTrue(dialect().requiresQuoting("Order Details"), "spaces need quoting");
        assertFalse(dialect().requiresQuoting("order_id"), "plain lower-case names need no quoting");
        assertEquals("order_id", dialect().identifier("order_id"));
    }

    @Test
    default void connectionProfileHasNoLiteralSecrets() {
        for (ProfileField field : dialect().connectionProfile().fields()) {
            assertFalse(field.envVar().isBlank(), field.key());
            if (field.secret()) {
                assertTrue(field.defaultValue().isEmpty(), "secret with a default: " + field.key());
            }
        }
        assertTrue(dialect().connectionProfile().fields().stream().anyMatch(ProfileField::secret),
                "a target that needs no credentials is unusual; override this test if yours really has none");
    }
}
