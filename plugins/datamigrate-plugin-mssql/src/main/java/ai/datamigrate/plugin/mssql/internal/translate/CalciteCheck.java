package ai.datamigrate.plugin.mssql.internal.translate;

import ai.datamigrate.plugin.mssql.internal.translate.QueryConverter.Col;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * A second check of a translated query: Calcite's {@link SqlValidator} resolves every table and column reference of the
 * target tree against a schema built from the catalog (the relations the query reads, each with the columns the
 * translator bound). Columns are typed {@code ANY}: the check is about references, the types are SQL Server's and were
 * checked by the converter. A failure is returned as a message, never thrown.
 */
final class CalciteCheck {

    static final String UNRESOLVED = "MSSQL-CALCITE-UNRESOLVED";

    private final RelDataTypeFactory types = new JavaTypeFactoryImpl();
    private final CalciteConnectionConfig config;

    CalciteCheck() {
        Properties p = new Properties();
        p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        config = new CalciteConnectionConfigImpl(p);
    }

    /**
     * Validates {@code node} (which the validator may rewrite: call this after rendering) with the relations the
     * query reads, by the identifier the tree names them with.
     */
    Optional<String> check(SqlNode node, Map<String, List<Col>> relations) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        RelDataType any = types.createTypeWithNullability(types.createSqlType(SqlTypeName.ANY), true);
        relations.forEach((name, columns) -> root.add(name, new AbstractTable() {
            @Override
            public RelDataType getRowType(RelDataTypeFactory factory) {
                RelDataTypeFactory.Builder b = factory.builder();
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (Col c : columns) {
                    if (seen.add(c.name().toLowerCase(java.util.Locale.ROOT))) {
                        b.add(c.name(), any);
                    }
                }
                return b.build();
            }
        }));
        // the target functions the rules name (lower, strpos, ...) are operators of the tree itself
        List<SqlOperator> functions = new ArrayList<>();
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getOperator() instanceof SqlFunction f && !(f instanceof SqlUnresolvedFunction)
                        && !functions.contains(f)) {
                    functions.add(f);
                }
                // a routine parameter is a placeholder identifier until dbt renders its var: a typed NULL here
                for (int i = 0; i < call.operandCount(); i++) {
                    if (call.operand(i) instanceof SqlIdentifier id && id.isSimple()
                            && id.getSimple().startsWith(MssqlTranslator.PARAMETER_PLACEHOLDER)) {
                        call.setOperand(i, SqlLiteral.createNull(id.getParserPosition()));
                    }
                }
                if (call instanceof SqlCase c && c.getValueOperand() != null) {
                    // the validator takes searched CASE only (Calcite's parser rewrites the simple form the same way)
                    SqlNodeList whens = new SqlNodeList(Sql.P);
                    c.getWhenOperands().forEach(w -> whens.add(Sql.eq(c.getValueOperand(), w)));
                    c.setOperand(1, whens);
                    c.setOperand(0, null);
                }
                return super.visit(call);
            }
        });
        CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(), types, config);
        SqlValidator validator = SqlValidatorUtil.newValidator(SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
                SqlOperatorTables.of(functions)), reader, types, SqlValidator.Config.DEFAULT
                .withConformance(SqlConformanceEnum.LENIENT).withIdentifierExpansion(false)
                .withCallRewrite(false).withTypeCoercionEnabled(true));
        try {
            validator.validate(node);
            return Optional.empty();
        } catch (CalciteContextException e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            // the validator's own limits (an operator it cannot type) are not the query's fault: reported alike
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
