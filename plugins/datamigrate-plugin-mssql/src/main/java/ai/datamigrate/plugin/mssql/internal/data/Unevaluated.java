package ai.datamigrate.plugin.mssql.internal.data;

import java.util.Objects;

/**
 * A value of an {@code INSERT} row that is not a literal this reader evaluates ({@code GETDATE()}, {@code @v},
 * {@code DEFAULT}, {@code 1 + 2}, ...): the SQL text as written. Its row carries a diagnostic saying so.
 */
public record Unevaluated(String sql) {
    public Unevaluated {
        Objects.requireNonNull(sql, "sql");
    }
}
