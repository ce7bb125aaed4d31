package ai.datamigrate.plugin.mssql.internal.data;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.RowConsumer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rows one {@link BulkInsertStatement} loads, pushed to a {@link RowConsumer} as SQL Server would store them:
 * the fields of each line map to the table's columns in order (computed columns have no field); the identity
 * column's field is kept only with {@code KEEPIDENTITY} (without it SQL Server generates the values, so the column
 * is left out); an empty field is NULL, or the column's default unless {@code KEEPNULLS}. Values stay text: the
 * loader converts them by column type.
 */
public final class BulkInsertRows {

    private BulkInsertRows() {
    }

    /**
     * The data file a statement names: SQLCMD variables still undefined ({@code $(name)}) stand for the script's
     * folder; a relative path is relative to the script's folder; a path that does not exist here (typically
     * {@code C:\Samples\...}) falls back to its file name in the script's folder. The candidates in order; the
     * first that exists is the file.
     */
    public static List<Path> candidates(BulkInsertStatement statement) {
        String raw = statement.path();
        String dir = statement.scriptDir().toString();
        StringBuilder expanded = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            int dollar = raw.indexOf("$(", i);
            int close = dollar < 0 ? -1 : raw.indexOf(')', dollar + 2);
            if (dollar < 0 || close < 0) {
                expanded.append(raw, i, raw.length());
                break;
            }
            expanded.append(raw, i, dollar).append(dir);
            if (close + 1 < raw.length() && raw.charAt(close + 1) != '/' && raw.charAt(close + 1) != '\\') {
                expanded.append(File.separatorChar);
            }
            i = close + 1;
        }
        String path = expanded.toString();
        Set<Path> found = new LinkedHashSet<>();
        boolean windowsAbsolute = path.matches("^[A-Za-z]:[\\\\/].*") || path.startsWith("\\\\");
        if (!windowsAbsolute || File.separatorChar == '\\') {
            try {
                found.add(statement.scriptDir().resolve(path).normalize());
            } catch (InvalidPathException e) {
                // not a path of this system: only the fallback below
            }
        }
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        if (!name.isEmpty()) {
            found.add(statement.scriptDir().resolve(name).normalize());
        }
        return List.copyOf(found);
    }

    /**
     * Pushes the rows of {@code statement} to {@code consumer} (announcing its columns first).
     *
     * @param table    the table from the catalog; without it the fields cannot be mapped and the statement is
     *                 rejected once
     * @param defaults the value of a column's default, when it can be evaluated
     * @return false when the consumer asked to stop
     */
    public static boolean read(BulkInsertStatement statement, Optional<Table> table,
                               Function<Column, Optional<Object>> defaults, RowConsumer consumer) {
        SourceLocation at = statement.location();
        Optional<Path> file = candidates(statement).stream().filter(Files::isRegularFile).findFirst();
        if (file.isEmpty()) {
            List<Path> tried = candidates(statement);
            consumer.reject(at, "BULK INSERT file not found: " + statement.path()
                    + (tried.isEmpty() ? "" : " (looked for " + tried + ")"), "");
            return true;
        }
        if (table.isEmpty()) {
            consumer.reject(at, "BULK INSERT into " + statement.table() + ": the table is not in the catalog, so the"
                    + " fields of " + file.get() + " cannot be mapped to columns", "");
            return true;
        }
        Optional<Charset> charset = BulkInsertFile.charset(statement.option("DATAFILETYPE").orElse(null),
                statement.option("CODEPAGE").orElse(null));
        if (charset.isEmpty()) {
            consumer.reject(at, "BULK INSERT into " + statement.table() + ": DATAFILETYPE '"
                    + statement.option("DATAFILETYPE").orElse("char") + "' with CODEPAGE '"
                    + statement.option("CODEPAGE").orElse("OEM") + "' is not supported", "");
            return true;
        }
        if (statement.option("FORMATFILE").isPresent() || statement.option("FORMAT").isPresent()) {
            consumer.reject(at, "BULK INSERT into " + statement.table() + ": FORMATFILE and FORMAT are not supported",
                    "");
            return true;
        }
        boolean keepIdentity = statement.flag("KEEPIDENTITY");
        boolean keepNulls = statement.flag("KEEPNULLS");
        List<Column> fieldColumns = table.get().columns().stream()
                .filter(c -> c.computedExpression().isEmpty()).toList();
        List<Column> loaded = new ArrayList<>();
        List<Object> emptyValues = new ArrayList<>();
        boolean[] kept = new boolean[fieldColumns.size()];
        for (int k = 0; k < fieldColumns.size(); k++) {
            Column c = fieldColumns.get(k);
            kept[k] = keepIdentity || c.identity().isEmpty();
            if (kept[k]) {
                loaded.add(c);
                emptyValues.add(keepNulls ? null : defaults.apply(c).orElse(null));
            }
        }
        consumer.columns(loaded.stream().map(Column::name).toList());
        long firstRow = parseLong(statement.option("FIRSTROW").orElse("1"), 1);
        long lastRow = parseLong(statement.option("LASTROW").orElse("0"), 0);
        String fileName = file.get().toString();
        BulkInsertFile data = new BulkInsertFile(file.get(), charset.get(),
                BulkInsertFile.Terminator.of(statement.option("FIELDTERMINATOR").orElse("\\t")),
                BulkInsertFile.Terminator.of(statement.option("ROWTERMINATOR").orElse("\\n")));
        try {
            return data.read(firstRow, lastRow, (fields, number) -> {
                SourceLocation location = new SourceLocation(fileName, (int) Math.min(Integer.MAX_VALUE, number), 1);
                if (fields.size() != fieldColumns.size()) {
                    consumer.reject(location, "row " + number + " of " + fileName + " has " + fields.size()
                            + " fields for the " + fieldColumns.size() + " columns of " + statement.table(),
                            String.join(" | ", fields));
                    return true;
                }
                List<Object> values = new ArrayList<>(loaded.size());
                int out = 0;
                for (int k = 0; k < fields.size(); k++) {
                    if (!kept[k]) {
                        continue;
                    }
                    String value = fields.get(k);
                    values.add(value.isEmpty() ? emptyValues.get(out) : value);
                    out++;
                }
                return consumer.row(values, location);
            });
        } catch (IOException e) {
            throw new ai.datamigrate.spi.DataMigrateException(ai.datamigrate.spi.ErrorCode.INPUT_UNREADABLE,
                    fileName + ": cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    private static long parseLong(String text, long otherwise) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
