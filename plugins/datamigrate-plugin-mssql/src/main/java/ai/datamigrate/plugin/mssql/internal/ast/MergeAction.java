package ai.datamigrate.plugin.mssql.internal.ast;

import ai.datamigrate.plugin.mssql.internal.ast.Part.SetClause;
import java.util.List;
import java.util.Optional;

public sealed interface MergeAction extends Node {

    record Update(Pos pos, List<SetClause> sets) implements MergeAction {
        public Update {
            sets = List.copyOf(sets);
        }
    }

    record Delete(Pos pos) implements MergeAction {
    }

    /** @param values empty for {@code DEFAULT VALUES} */
    record Insert(Pos pos, List<String> columns, Optional<List<Expr>> values) implements MergeAction {
        public Insert {
            columns = List.copyOf(columns);
            values = values.map(List::copyOf);
        }
    }
}
