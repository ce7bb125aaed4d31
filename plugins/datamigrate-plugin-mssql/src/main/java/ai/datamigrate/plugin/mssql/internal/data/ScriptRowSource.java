package ai.datamigrate.plugin.mssql.internal.data;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.RowConsumer;
import ai.datamigrate.spi.data.RowSource;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.lexer.TokenType;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The INSERT rows of one or more scripts as the SPI's {@link RowSource}, and the rows of the data files their
 * {@code BULK INSERT} statements name (see {@link BulkInsertRows}). Every {@link #read} streams the scripts and files
 * again instead of keeping rows, so memory stays bounded by one batch whatever the data's size.
 */
public final class ScriptRowSource implements RowSource {

    private final List<Path> scripts;
    private final Map<String, String> variables;
    private final Supplier<Database> catalog;
    /** What GETDATE() and its kin give for column defaults: the time of this load, the same for every row. */
    private final java.time.LocalDateTime loadTime = java.time.LocalDateTime.now()
            .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    private List<ObjectName> tables;
    /** The BULK INSERT statements of each script, found on first need (a few per script, not rows). */
    private final Map<Path, List<BulkInsertStatement>> bulkInserts = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param catalog the catalog of the same input, read on first need: an INSERT without a column list means
     *                every column of the table in declaration order
     */
    public ScriptRowSource(List<Path> scripts, Map<String, String> variables, Supplier<Database> catalog) {
        this.scripts = List.copyOf(scripts);
        this.variables = Map.copyOf(variables);
        this.catalog = catalog;
    }

    @Override
    public synchronized List<ObjectName> tables() {
        if (tables == null) {
            List<ObjectName> found = new ArrayList<>();
            for (Path script : scripts) {
                ScriptRows rows = ScriptRows.read(script, variables);
                while (rows.hasNext()) {
                    ObjectName table = rows.next().table();
                    if (found.stream().noneMatch(t -> t.matches(table))) {
                        found.add(table);
                    }
                }
                for (BulkInsertStatement bulk : bulkInserts(script)) {
                    if (found.stream().noneMatch(t -> t.matches(bulk.table()))) {
                        found.add(bulk.table());
                    }
                }
            }
            tables = List.copyOf(found);
        }
        return tables;
    }

    @Override
    public void read(ObjectName table, RowConsumer consumer) {
        List<String> current = null;
        for (Path script : scripts) {
            ScriptRows rows = ScriptRows.read(script, variables);
            while (rows.hasNext()) {
                RowBatch batch = rows.next();
                if (!batch.table().matches(table)) {
                    continue;
                }
                List<String> listed = batch.columns().isEmpty() ? allColumns(table) : batch.columns();
                // SQL Server fills the columns an INSERT leaves out with their defaults: so must the load
                List<Column> defaulted = batch.columns().isEmpty() ? List.of() : defaulted(table, listed);
                List<String> columns = new ArrayList<>(listed);
                defaulted.forEach(c -> columns.add(c.name()));
                if (!columns.equals(current)) {
                    consumer.columns(columns);
                    current = columns;
                }
                for (Row row : batch.rows()) {
                    if (!row.isClean()) {
                        consumer.reject(row.location(), row.diagnostics().stream().map(Diagnostic::message)
                                .collect(Collectors.joining("; ")), String.valueOf(row.values()));
                        continue;
                    }
                    List<Object> values = row.values();
                    if (!defaulted.isEmpty()) {
                        values = new ArrayList<>(values);
                        for (Column column : defaulted) {
                            values.add(defaultValue(column).orElse(null));
                        }
                    }
                    if (!consumer.row(values, row.location())) {
                        return;
                    }
                }
            }
            for (BulkInsertStatement bulk : bulkInserts(script)) {
                if (bulk.table().matches(table)) {
                    current = null; // BulkInsertRows announces its own columns
                    if (!BulkInsertRows.read(bulk, catalog.get().table(table), this::defaultValue, consumer)) {
                        return;
                    }
                }
            }
        }
    }

    /** Each read streams its scripts and files afresh; what reads share is computed once, under locks. */
    @Override
    public boolean concurrentReads() {
        return true;
    }

    private List<BulkInsertStatement> bulkInserts(Path script) {
        return bulkInserts.computeIfAbsent(script, s -> BulkInsertStatement.read(s, variables));
    }

    /** Columns the INSERT leaves out whose default this source can evaluate (literals, GETDATE(), NEWID()). */
    private List<Column> defaulted(ObjectName table, List<String> listed) {
        return catalog.get().table(table).map(Table::columns).orElse(List.of()).stream()
                .filter(c -> listed.stream().noneMatch(name -> name.equalsIgnoreCase(c.name())))
                .filter(c -> c.computedExpression().isEmpty() && c.identity().isEmpty())
                .filter(c -> defaultValue(c).isPresent())
                .toList();
    }

    private Optional<Object> defaultValue(Column column) {
        if (column.defaultExpression().isEmpty()) {
            return Optional.empty();
        }
        List<Token> tokens = Lexer.tokenize(column.defaultExpression().get());
        int from = 0;
        int to = tokens.size();
        while (to - from >= 2 && tokens.get(from).is(TokenType.LEFT_PAREN)
                && Literals.closing(tokens, from, to) == to - 1) {
            from++;
            to--;
        }
        if (to - from == 3 && tokens.get(from + 1).is(TokenType.LEFT_PAREN)
                && tokens.get(from + 2).is(TokenType.RIGHT_PAREN)) {
            String function = tokens.get(from).text().toLowerCase(java.util.Locale.ROOT);
            switch (function) {
                case "getdate", "sysdatetime", "current_timestamp":
                    return Optional.of(loadTime);
                case "newid", "newsequentialid":
                    return Optional.of(java.util.UUID.randomUUID());
                default:
                    return Optional.empty();
            }
        }
        if (to - from == 1 && tokens.get(from).text().equalsIgnoreCase("current_timestamp")) {
            return Optional.of(loadTime);
        }
        return Literals.evaluate(tokens, from, to).map(v -> v == Literals.NULL ? null : v);
    }

    private List<String> allColumns(ObjectName table) {
        return catalog.get().table(table).map(Table::columns).orElse(List.of()).stream()
                .filter(c -> c.computedExpression().isEmpty()).map(Column::name).toList();
    }
}
