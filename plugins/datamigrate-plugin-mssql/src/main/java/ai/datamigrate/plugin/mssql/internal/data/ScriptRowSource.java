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
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The INSERT rows of one or more scripts as the SPI's {@link RowSource}. Every {@link #read} streams the scripts
 * again instead of keeping rows, so memory stays bounded by one batch whatever the data's size.
 */
public final class ScriptRowSource implements RowSource {

    private final List<Path> scripts;
    private final Map<String, String> variables;
    private final Supplier<Database> catalog;
    private List<ObjectName> tables;

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
                List<String> columns = batch.columns().isEmpty() ? allColumns(table) : batch.columns();
                if (!columns.equals(current)) {
                    consumer.columns(columns);
                    current = columns;
                }
                for (Row row : batch.rows()) {
                    if (!row.isClean()) {
                        consumer.reject(row.location(), row.diagnostics().stream().map(Diagnostic::message)
                                .collect(Collectors.joining("; ")), String.valueOf(row.values()));
                    } else if (!consumer.row(row.values(), row.location())) {
                        return;
                    }
                }
            }
        }
    }

    private List<String> allColumns(ObjectName table) {
        return catalog.get().table(table).map(Table::columns).orElse(List.of()).stream()
                .filter(c -> c.computedExpression().isEmpty()).map(Column::name).toList();
    }
}
