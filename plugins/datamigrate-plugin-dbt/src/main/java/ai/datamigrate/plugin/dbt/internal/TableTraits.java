package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Facts about a table that the dbt project uses beyond its columns and constraints: whether it is a
 * system-versioned temporal table, and which column says when a row last changed.
 *
 * <p>The mssql reader keeps table options as T-SQL text in {@link Table#properties()}: {@code with} holds the
 * text inside {@code WITH (...)} ({@code SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.T_History)}), {@code period}
 * holds {@code PERIOD FOR SYSTEM_TIME (start, end)} and {@code generated <column>} holds
 * {@code GENERATED ALWAYS AS ROW START}. A reader may also say it directly with {@code system_versioning}
 * ({@code ON}/{@code true}), {@code period_start} and {@code history_table}.
 */
final class TableTraits {

    /** Column names that, with a date/time type, obviously record the last change of a row; most telling first. */
    private static final List<String> LAST_MODIFIED_NAMES = List.of("modifieddate", "lastmodifieddate",
            "lastmodified", "datemodified", "modifiedat", "modifiedon", "modifydate", "updatedat", "updatedon",
            "updateddate", "lastupdated", "lastupdatedate", "lastupdate", "dateupdated", "updatedate",
            "lastchanged", "changedat", "changedon", "changeddate");

    /** A system-versioned table; {@code periodStart} is the column SQL Server sets on every change. */
    record Temporal(Optional<String> periodStart, Optional<String> historyTable) {
    }

    private TableTraits() {
    }

    static Optional<Temporal> temporal(Table table) {
        Map<String, String> properties = table.properties();
        String flag = property(properties, "system_versioning").orElse("");
        String with = squeeze(property(properties, "with").orElse(""));
        boolean versioned = flag.equalsIgnoreCase("on") || flag.equalsIgnoreCase("true")
                || with.contains("SYSTEM_VERSIONING=ON");
        if (!versioned) {
            return Optional.empty();
        }
        Optional<String> start = property(properties, "period_start").map(TableTraits::unquote);
        if (start.isEmpty()) {
            start = table.columns().stream().map(Column::name)
                    .filter(c -> property(properties, "generated " + c).map(TableTraits::squeeze)
                            .filter(g -> g.endsWith("ROWSTART")).isPresent())
                    .findFirst();
        }
        if (start.isEmpty()) {
            start = property(properties, "period").flatMap(TableTraits::periodStart);
        }
        Optional<String> history = property(properties, "history_table");
        if (history.isEmpty()) {
            String raw = property(properties, "with").orElse("");
            int at = raw.toUpperCase(Locale.ROOT).indexOf("HISTORY_TABLE");
            if (at >= 0) {
                String rest = raw.substring(at + "HISTORY_TABLE".length()).replaceFirst("^\\s*=\\s*", "");
                int end = 0;
                while (end < rest.length() && rest.charAt(end) != ')' && rest.charAt(end) != ','
                        && !Character.isWhitespace(rest.charAt(end))) {
                    end++;
                }
                history = Optional.of(rest.substring(0, end)).filter(h -> !h.isEmpty());
            }
        }
        Optional<String> periodStart = start.flatMap(s -> table.column(s).map(Column::name));
        return Optional.of(new Temporal(periodStart, history));
    }

    /** {@code PERIOD FOR SYSTEM_TIME ([ValidFrom], ValidTo)} gives {@code ValidFrom}. */
    private static Optional<String> periodStart(String period) {
        int open = period.indexOf('(');
        int comma = period.indexOf(',', open + 1);
        if (open < 0 || comma < 0) {
            return Optional.empty();
        }
        return Optional.of(unquote(period.substring(open + 1, comma).strip()));
    }

    private static String unquote(String name) {
        String n = name.strip();
        if (n.length() >= 2 && ((n.startsWith("[") && n.endsWith("]")) || (n.startsWith("\"") && n.endsWith("\"")))) {
            return n.substring(1, n.length() - 1);
        }
        return n;
    }

    private static String squeeze(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static Optional<String> property(Map<String, String> properties, String key) {
        return properties.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key))
                .map(Map.Entry::getValue).findFirst();
    }

    /**
     * The column that records when a row last changed: the period start of a temporal table, or a date/time
     * column with one of the usual names ({@code ModifiedDate}, {@code LastUpdated}, {@code UpdatedAt}, ...).
     */
    static Optional<Column> lastModified(Table table) {
        Optional<Column> periodStart = temporal(table).flatMap(Temporal::periodStart).flatMap(table::column);
        if (periodStart.isPresent()) {
            return periodStart;
        }
        List<Column> candidates = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Column column : table.columns()) {
            if (isDateTime(column)) {
                candidates.add(column);
                names.add(lettersAndDigits(column.name()).toLowerCase(Locale.ROOT));
            }
        }
        for (String wanted : LAST_MODIFIED_NAMES) {
            int at = names.indexOf(wanted);
            if (at >= 0) {
                return Optional.of(candidates.get(at));
            }
        }
        return Optional.empty();
    }

    /** The name without anything but A-Z, a-z and 0-9 ({@code Modified_Date} is {@code ModifiedDate}). */
    private static String lettersAndDigits(String name) {
        StringBuilder s = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static final List<String> DATE_TIME_TYPES = List.of("datetime", "datetime2", "smalldatetime",
            "datetimeoffset", "date");

    private static boolean isDateTime(Column column) {
        return DATE_TIME_TYPES.contains(column.type().name());
    }
}
