package ai.datamigrate.plugin.mssql.internal.parser;

import java.util.Set;
import java.util.TreeSet;

/** Word lists of T-SQL, compared case-insensitively without building upper-case copies. */
final class Keywords {

    private Keywords() {
    }

    private static Set<String> of(String... words) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(java.util.Arrays.asList(words));
        return set;
    }

    /** SQL Server's reserved keywords: never a column, alias or table name unless quoted. */
    static final Set<String> RESERVED = of("ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "AUTHORIZATION",
            "BACKUP", "BEGIN", "BETWEEN", "BREAK", "BROWSE", "BULK", "BY", "CASCADE", "CASE", "CHECK", "CHECKPOINT",
            "CLOSE", "CLUSTERED", "COALESCE", "COLLATE", "COLUMN", "COMMIT", "COMPUTE", "CONSTRAINT", "CONTAINS",
            "CONTAINSTABLE", "CONTINUE", "CONVERT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE", "CURRENT_TIME",
            "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DATABASE", "DBCC", "DEALLOCATE", "DECLARE", "DEFAULT",
            "DELETE", "DENY", "DESC", "DISK", "DISTINCT", "DISTRIBUTED", "DOUBLE", "DROP", "DUMP", "ELSE", "END",
            "ERRLVL", "ESCAPE", "EXCEPT", "EXEC", "EXECUTE", "EXISTS", "EXIT", "EXTERNAL", "FETCH", "FILE",
            "FILLFACTOR", "FOR", "FOREIGN", "FREETEXT", "FREETEXTTABLE", "FROM", "FULL", "FUNCTION", "GOTO", "GRANT",
            "GROUP", "HAVING", "HOLDLOCK", "IDENTITY", "IDENTITY_INSERT", "IDENTITYCOL", "IF", "IN", "INDEX",
            "INNER", "INSERT", "INTERSECT", "INTO", "IS", "JOIN", "KEY", "KILL", "LEFT", "LIKE", "LINENO", "LOAD",
            "MERGE", "NATIONAL", "NOCHECK", "NONCLUSTERED", "NOT", "NULL", "NULLIF", "OF", "OFF", "OFFSETS", "ON",
            "OPEN", "OPENDATASOURCE", "OPENQUERY", "OPENROWSET", "OPENXML", "OPTION", "OR", "ORDER", "OUTER", "OVER",
            "PERCENT", "PIVOT", "PLAN", "PRECISION", "PRIMARY", "PRINT", "PROC", "PROCEDURE", "PUBLIC", "RAISERROR",
            "READ", "READTEXT", "RECONFIGURE", "REFERENCES", "REPLICATION", "RESTORE", "RESTRICT", "RETURN",
            "REVERT", "REVOKE", "RIGHT", "ROLLBACK", "ROWCOUNT", "ROWGUIDCOL", "RULE", "SAVE", "SCHEMA",
            "SECURITYAUDIT", "SELECT", "SESSION_USER", "SET", "SETUSER", "SHUTDOWN", "SOME", "STATISTICS",
            "SYSTEM_USER", "TABLE", "TABLESAMPLE", "TEXTSIZE", "THEN", "TO", "TOP", "TRAN", "TRANSACTION", "TRIGGER",
            "TRUNCATE", "TRY_CONVERT", "TSEQUAL", "UNION", "UNIQUE", "UNPIVOT", "UPDATE", "UPDATETEXT", "USE",
            "USER", "VALUES", "VARYING", "VIEW", "WAITFOR", "WHEN", "WHERE", "WHILE", "WITH", "WRITETEXT");

    /** Words that cannot be a bare alias although not reserved, because a clause or statement starts with them. */
    static final Set<String> NOT_ALIAS = of("OUTPUT", "OFFSET", "THROW", "WINDOW", "USING", "GO", "RETURNS");

    /** Reserved words that are also functions: {@code LEFT(s, 2)}, {@code COALESCE(a, b)}. */
    static final Set<String> FUNCTION_WORDS = of("LEFT", "RIGHT", "COALESCE", "NULLIF", "CONTAINS", "FREETEXT",
            "IDENTITY", "USER", "CONTAINSTABLE", "FREETEXTTABLE", "OPENQUERY", "OPENROWSET", "OPENXML",
            "OPENDATASOURCE", "UPDATE");

    /** Written without parentheses. */
    static final Set<String> NILADIC = of("CURRENT_TIMESTAMP", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER",
            "USER", "CURRENT_DATE");

    /** Words that start a statement; T-SQL needs no semicolons, so these are where one statement ends. */
    static final Set<String> STATEMENT_START = of("ALTER", "BACKUP", "BEGIN", "BREAK", "BULK", "CHECKPOINT",
            "CLOSE", "COMMIT", "CONTINUE", "CREATE", "DBCC", "DEALLOCATE", "DECLARE", "DELETE", "DENY", "DISABLE",
            "DROP", "DUMP", "ELSE", "ENABLE", "END", "EXEC", "EXECUTE", "FETCH", "GOTO", "GRANT", "IF", "INSERT",
            "KILL", "MERGE", "OPEN", "PRINT", "RAISERROR", "RECONFIGURE", "RESTORE", "RETURN", "REVOKE", "ROLLBACK",
            "SAVE", "SELECT", "SET", "SETUSER", "SHUTDOWN", "THROW", "TRUNCATE", "UPDATE", "USE", "WAITFOR",
            "WHILE");

    /** After these words a statement keyword belongs to the current statement (GRANT SELECT, FOR INSERT, ...). */
    static final Set<String> CONTINUING = of("GRANT", "DENY", "REVOKE", "FOR", "AFTER", "OF", "INSTEAD", "WITH",
            "INSERT", "UNION", "ALL", "EXCEPT", "INTERSECT", "THEN", "DISTINCT");

    /** Hints that may follow a table name in parentheses without WITH: {@code Orders (nolock)}. */
    static final Set<String> TABLE_HINTS = of("NOLOCK", "READUNCOMMITTED", "UPDLOCK", "REPEATABLEREAD",
            "SERIALIZABLE", "READCOMMITTED", "READCOMMITTEDLOCK", "TABLOCK", "TABLOCKX", "PAGLOCK", "ROWLOCK",
            "NOWAIT", "READPAST", "XLOCK", "SNAPSHOT", "HOLDLOCK", "NOEXPAND", "INDEX", "FORCESEEK", "FORCESCAN",
            "KEEPIDENTITY", "KEEPDEFAULTS", "IGNORE_CONSTRAINTS", "IGNORE_TRIGGERS");

    static boolean isCompoundAssignment(String op) {
        return switch (op) {
            case "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=" -> true;
            default -> false;
        };
    }

    static boolean isComparison(String op) {
        return switch (op) {
            case "=", "<>", "!=", "<", ">", "<=", ">=", "!<", "!>" -> true;
            default -> false;
        };
    }
}
