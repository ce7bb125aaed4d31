package ai.datamigrate.plugin.mssql.internal.script;

/**
 * The tokens of one batch, {@code from} inclusive to {@code to} exclusive, as separated by {@code GO}.
 *
 * @param repeat the count of {@code GO n}; 1 for a plain {@code GO} or the last batch
 */
public record Batch(int from, int to, int repeat) {

    public boolean isEmpty() {
        return from >= to;
    }
}
