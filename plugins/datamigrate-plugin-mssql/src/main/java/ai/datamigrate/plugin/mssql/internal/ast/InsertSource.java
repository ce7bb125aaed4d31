package ai.datamigrate.plugin.mssql.internal.ast;

import ai.datamigrate.plugin.mssql.internal.ast.Part.Query;
import java.util.List;

public sealed interface InsertSource extends Node {

    record Values(Pos pos, List<List<Expr>> rows) implements InsertSource {
        public Values {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    record FromQuery(Pos pos, Query query) implements InsertSource {
    }

    /** @param execute an {@link Statement.Execute} or {@link Statement.ExecuteString} */
    record FromExecute(Pos pos, Statement execute) implements InsertSource {
    }

    record DefaultValues(Pos pos) implements InsertSource {
    }
}
