package ai.datamigrate.support.target;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Parses SQL meant for a target (PostgreSQL, DuckDB) with Apache Calcite's parser (double-quoted identifiers, as both
 * write them; names kept as written, case-sensitive): it must be one query — nothing that writes, defines or sets
 * anything — and the relations it reads are collected from the tree's FROM positions (common table expression names
 * excluded).
 */
public final class QueryShape {

    private static final SqlParser.Config CONFIG = SqlParser.config()
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(SqlConformanceEnum.BABEL);

    private QueryShape() {
    }

    /** The relations the single query reads, in order of first appearance; throws with the reason otherwise. */
    public static List<String> relations(String sql) throws SqlParseException {
        List<SqlNode> statements = SqlParser.create(sql, CONFIG).parseStmtList().getList();
        if (statements.size() != 1) {
            throw new IllegalArgumentException("expected exactly one statement, found " + statements.size());
        }
        SqlNode statement = statements.get(0);
        if (!statement.getKind().belongsTo(SqlKind.QUERY) && statement.getKind() != SqlKind.ORDER_BY
                && statement.getKind() != SqlKind.WITH) {
            throw new IllegalArgumentException("expected a query, found " + statement.getKind().lowerName
                    .replace('_', ' ') + " statement");
        }
        Set<String> found = new LinkedHashSet<>();
        query(statement, new HashSet<>(), found);
        return new ArrayList<>(found);
    }

    private static void query(SqlNode node, Set<String> ctes, Set<String> found) {
        if (node == null) {
            return;
        }
        if (node instanceof SqlWith with) {
            Set<String> inner = new HashSet<>(ctes);
            for (SqlNode item : with.withList) {
                SqlWithItem withItem = (SqlWithItem) item;
                query(withItem.query, inner, found);
                inner.add(withItem.name.getSimple());
            }
            query(with.body, inner, found);
        } else if (node instanceof SqlSelect select) {
            from(select.getFrom(), ctes, found);
            expressions(select.getSelectList(), ctes, found);
            expressions(select.getWhere(), ctes, found);
            expressions(select.getHaving(), ctes, found);
            expressions(select.getGroup(), ctes, found);
            expressions(select.getOrderList(), ctes, found);
        } else if (node instanceof SqlNodeList list) {
            list.forEach(n -> query(n, ctes, found));
        } else if (node instanceof SqlCall call) {
            // set operations, ORDER BY wrappers, VALUES rows: every operand may hold a query
            for (SqlNode operand : call.getOperandList()) {
                expressions(operand, ctes, found);
            }
        }
    }

    private static void from(SqlNode node, Set<String> ctes, Set<String> found) {
        if (node == null) {
            return;
        }
        if (node instanceof SqlIdentifier identifier) {
            String name = identifier.toString();
            if (!(identifier.isSimple() && ctes.contains(name))) {
                found.add(name);
            }
        } else if (node instanceof SqlJoin join) {
            from(join.getLeft(), ctes, found);
            from(join.getRight(), ctes, found);
            expressions(join.getCondition(), ctes, found);
        } else if (node instanceof SqlBasicCall call && (call.getKind() == SqlKind.AS
                || call.getKind() == SqlKind.LATERAL || call.getKind() == SqlKind.TABLESAMPLE)) {
            from(call.operand(0), ctes, found);
            for (int i = 1; i < call.operandCount(); i++) {
                expressions(call.operand(i), ctes, found);
            }
        } else {
            query(node, ctes, found);
        }
    }

    /** Subqueries inside expressions (IN, EXISTS, scalar subqueries) read relations too. */
    private static void expressions(SqlNode node, Set<String> ctes, Set<String> found) {
        if (node == null) {
            return;
        }
        if (node instanceof SqlSelect || node instanceof SqlWith) {
            query(node, ctes, found);
        } else if (node instanceof SqlNodeList list) {
            list.forEach(n -> expressions(n, ctes, found));
        } else if (node instanceof SqlCall call) {
            if (call.getKind().belongsTo(SqlKind.SET_QUERY) || call.getKind() == SqlKind.ORDER_BY) {
                query(call, ctes, found);
                return;
            }
            for (SqlNode operand : call.getOperandList()) {
                expressions(operand, ctes, found);
            }
        }
    }
}
