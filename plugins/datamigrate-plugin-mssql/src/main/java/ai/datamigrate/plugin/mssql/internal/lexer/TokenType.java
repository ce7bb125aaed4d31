package ai.datamigrate.plugin.mssql.internal.lexer;

/** The kinds of T-SQL tokens. Keywords are {@link #IDENTIFIER}s: T-SQL reserves few words and the reader decides. */
public enum TokenType {
    /** A regular identifier or keyword: {@code CREATE}, {@code Orders}, {@code sp_addtype}. */
    IDENTIFIER,
    /** {@code [Order Details]}, with {@code ]]} standing for {@code ]}. */
    BRACKETED_IDENTIFIER,
    /** {@code "Order Details"} while QUOTED_IDENTIFIER is ON, with {@code ""} standing for {@code "}. */
    QUOTED_IDENTIFIER,
    /** {@code 'text'} (or {@code "text"} while QUOTED_IDENTIFIER is OFF), with doubled quotes. */
    STRING,
    /** {@code N'text'}. */
    NATIONAL_STRING,
    /** {@code 42}. */
    INTEGER,
    /** {@code 3.14}, {@code .5}. */
    DECIMAL,
    /** {@code 1e10}, {@code 2.5E-3}. */
    FLOAT,
    /** {@code 0x1F2E}. */
    BINARY,
    /** {@code $12.50}. */
    MONEY,
    /** {@code @name}. */
    VARIABLE,
    /** {@code @@ROWCOUNT}. */
    SYSTEM_VARIABLE,
    /** {@code #temp} or {@code ##global}. */
    TEMP_NAME,
    /** A SQLCMD variable reference {@code $(Name)}; the reader treats it as an identifier. */
    SQLCMD_VARIABLE,
    /** A SQLCMD command line such as {@code :setvar Name "value"}, {@code :r file}; the whole line. */
    SQLCMD_COMMAND,
    /** Comparison, arithmetic, bitwise and assignment operators: {@code =}, {@code <>}, {@code +=}, {@code *} ... */
    OPERATOR,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    DOT,
    SEMICOLON,
    /** Text the lexer could not read: an unterminated string, comment or bracket, or a stray character. */
    ERROR
}
