package ai.datamigrate.plugin.mssql.internal.translate;

import ai.datamigrate.spi.catalog.DataType;
import org.apache.calcite.sql.SqlNode;

/** A translated expression with the type SQL Server gives it ({@link SqlServerTypes#UNKNOWN} when not inferred). */
record Typed(SqlNode node, DataType type) {
}
