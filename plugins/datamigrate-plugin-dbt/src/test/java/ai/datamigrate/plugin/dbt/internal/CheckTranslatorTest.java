package ai.datamigrate.plugin.dbt.internal;

import static ai.datamigrate.plugin.dbt.internal.SampleDatabase.column;
import static ai.datamigrate.plugin.dbt.internal.SampleDatabase.pk;
import static ai.datamigrate.plugin.dbt.internal.SampleDatabase.schema;
import static ai.datamigrate.plugin.dbt.internal.SampleDatabase.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.dbt.internal.CheckTranslator.AcceptedValues;
import ai.datamigrate.plugin.dbt.internal.CheckTranslator.Expression;
import ai.datamigrate.plugin.dbt.internal.CheckTranslator.NotTranslated;
import ai.datamigrate.plugin.dbt.internal.CheckTranslator.Translation;
import ai.datamigrate.plugin.postgres.internal.PostgresTargetDialect;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckTranslatorTest {

    private static final CheckTranslator TRANSLATOR = translator();

    private static CheckTranslator translator() {
        Column caseSensitive = new Column("Code", DataType.withLength("varchar", 10), true, Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.of("Latin1_General_CS_AS"), false,
                Optional.empty(), SourceLocation.unknown("t.sql"));
        Database database = new Database("db", List.of(schema("dbo", table("dbo", "T", 1, pk(2, "au_id"), List.of(),
                List.of(), Optional.empty(),
                column("au_id", DataType.withLength("varchar", 11), false, 2),
                column("BirthDate", DataType.of("datetime"), true, 3),
                column("UnitPrice", DataType.of("money"), true, 4),
                column("Discount", DataType.of("real"), true, 5),
                column("pub_id", DataType.withLength("char", 4), true, 6),
                column("emp_id", DataType.withLength("char", 9), true, 7),
                column("Qty", DataType.of("int"), true, 8),
                column("Active", DataType.of("bit"), true, 9),
                column("Notes", DataType.withLength("nvarchar", 40), true, 10),
                column("Name", DataType.withLength("varchar", 40), true, 11),
                column("Last Name", DataType.withLength("varchar", 40), true, 12),
                caseSensitive))), Optional.empty());
        PostgresTargetDialect dialect = new PostgresTargetDialect();
        ProjectPlan plan = ProjectPlanner.plan(database, DbtConfig.defaults(), dialect);
        return new CheckTranslator(plan.model(new ObjectName("dbo", "T")).orElseThrow(), dialect);
    }

    private static String sql(String check) {
        Translation translation = TRANSLATOR.translate(check);
        return assertInstanceOf(Expression.class, translation, check + " -> " + translation).sql();
    }

    private static String notTranslated(String check) {
        Translation translation = TRANSLATOR.translate(check);
        return assertInstanceOf(NotTranslated.class, translation, check + " -> " + translation).reason();
    }

    @Test
    void northwindChecks() {
        assertEquals("birth_date < localtimestamp", sql("BirthDate < getdate()"));
        assertEquals("unit_price >= 0", sql("UnitPrice >= 0"));
        assertEquals("discount >= 0 and discount <= 1", sql("Discount >= 0 and (Discount <= 1)"));
        assertEquals("qty > 0", sql("[Qty] > 0"));
    }

    @Test
    void pubsLikePatternsBecomeAnchoredRegularExpressions() {
        assertEquals("au_id ~ '^[0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][0-9][0-9]$'",
                sql("au_id like '[0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][0-9][0-9]'"));
        // Letters: SQL Server's default collations compare case-insensitively, so ~* does too.
        assertEquals("emp_id ~* '^[A-Z][A-Z][A-Z][1-9][0-9][0-9][0-9][0-9][FM]$'"
                        + " or emp_id ~* '^[A-Z]-[A-Z][1-9][0-9][0-9][0-9][0-9][FM]$'",
                sql("emp_id LIKE\n   '[A-Z][A-Z][A-Z][1-9][0-9][0-9][0-9][0-9][FM]' or\n"
                        + "   emp_id LIKE '[A-Z]-[A-Z][1-9][0-9][0-9][0-9][0-9][FM]'"));
        assertEquals("pub_id in ('1389', '0736', '0877', '1622', '1756') or pub_id ~ '^99[0-9][0-9]$'",
                sql("pub_id in ('1389', '0736', '0877', '1622', '1756')\n            OR pub_id like '99[0-9][0-9]'"));
    }

    @Test
    void likeWildcardsEscapesAndCollations() {
        assertEquals("name ~* '^a.*b.\\.c\\(d\\)$'", sql("Name LIKE 'a%b_.c(d)'"));
        assertEquals("name !~ '^50%$'", sql("Name NOT LIKE '50!%' ESCAPE '!'"));
        assertEquals("name ~ '^[^0-9].*$'", sql("Name LIKE '[^0-9]%'"));
        // A case-sensitive column collation keeps the match case-sensitive.
        assertEquals("code ~ '^[A-Z]$'", sql("Code LIKE '[A-Z]'"));
        assertEquals("qty::text ~ '^1.*$'", sql("Qty LIKE '1%'"));
    }

    @Test
    void operatorsFunctionsAndLiterals() {
        assertEquals("length(rtrim(name)) > 0", sql("len(Name) > 0"));
        assertEquals("2 * length(notes) <= 80", sql("datalength(Notes) <= 80"));
        assertEquals("length(name) > 0", sql("DATALENGTH([Name]) > 0"));
        assertEquals("upper(name) = name", sql("UPPER(Name) = Name"));
        assertEquals("(name || 'x') <> 'x'", sql("Name + 'x' != 'x'"));
        assertEquals("qty between 1 and 10", sql("Qty BETWEEN 1 AND 10"));
        assertEquals("qty not in (1, 2)", sql("Qty NOT IN (1, 2)"));
        assertEquals("not (qty > 1 or qty < -5)", sql("NOT (Qty > 1 OR Qty < -5)"));
        assertEquals("(qty + 1) * 2 > qty % 3", sql("(Qty + 1) * 2 > Qty % 3"));
        assertEquals("notes = 'ünïcode ''quoted'''", sql("Notes = N'ünïcode ''quoted'''"));
        assertEquals("birth_date >= '19000101' and birth_date < localtimestamp",
                sql("BirthDate >= '19000101' AND BirthDate < CURRENT_TIMESTAMP"));
        assertEquals("coalesce(qty, 0) >= 0", sql("isnull(Qty, 0) >= 0"));
        assertEquals("extract(year from birth_date) > 1900", sql("YEAR(BirthDate) > 1900"));
        assertEquals("active = true or qty is not null", sql("Active = 1 OR Qty IS NOT NULL"));
        assertEquals("last_name <> ''", sql("[Last Name] <> ''"));
    }

    @Test
    void valueListsBecomeAcceptedValues() {
        AcceptedValues strings = assertInstanceOf(AcceptedValues.class,
                TRANSLATOR.translate("pub_id in ('1389', '0736') OR pub_id = '0877' or pub_id = '1389'"));
        assertEquals("pub_id", strings.column().outputName());
        assertEquals(List.of("1389", "0736", "0877"), strings.values());
        assertTrue(strings.quote());

        AcceptedValues numbers = assertInstanceOf(AcceptedValues.class, TRANSLATOR.translate("[Qty] IN (1, 2, 2.5)"));
        assertEquals(List.of(1L, 2L, new java.math.BigDecimal("2.5")), numbers.values());
        assertEquals(false, numbers.quote());

        AcceptedValues bits = assertInstanceOf(AcceptedValues.class, TRANSLATOR.translate("Active IN (0, 1)"));
        assertEquals(List.of(false, true), bits.values());
    }

    @Test
    void listsThatAreNotPlainValueListsStayExpressions() {
        // A NULL in the list makes IN unknown for every other value: SQL Server accepts everything.
        assertEquals("qty in (1, null)", sql("Qty IN (1, NULL)"));
        // dbt writes accepted values inside '...' without escaping.
        assertEquals("name in ('it''s', 'x')", sql("Name IN ('it''s', 'x')"));
        assertEquals("qty in (1, 2) or name = 'x'", sql("Qty IN (1, 2) OR Name = 'x'"));
    }

    @Test
    void whatCannotBeTranslatedSaysWhy() {
        assertTrue(notTranslated("dbo.fn_ok(Qty) = 1").contains("'.'"));
        assertEquals("function soundex() has no translation", notTranslated("soundex(Name) = 'A000'"));
        assertEquals("unknown column Missing", notTranslated("Missing > 0"));
        assertEquals("compares a text value with a number value", notTranslated("Name > 0"));
        assertEquals("datalength() of a char column", notTranslated("datalength(pub_id) = 4"));
        assertEquals("cannot read it: unexpected SELECT", notTranslated("Qty > (SELECT 1)"));
        assertTrue(notTranslated("Qty >").contains("end"));
        assertEquals("'qty' is not a condition", notTranslated("Qty"));
        assertTrue(notTranslated("Name LIKE Notes").contains("not a string literal"));
    }
}
