package ai.datamigrate.plugin.mssql.internal.lexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<TokenType> types(String sql) {
        return Lexer.tokenize(sql).stream().map(Token::type).toList();
    }

    private static Token single(String sql) {
        List<Token> tokens = Lexer.tokenize(sql);
        assertEquals(1, tokens.size(), () -> "expected one token: " + tokens);
        return tokens.get(0);
    }

    @Test
    void identifiersAndKeywords() {
        Token t = single("sp_addtype");
        assertEquals(TokenType.IDENTIFIER, t.type());
        assertTrue(Lexer.tokenize("create").get(0).is("CREATE"));
        assertEquals("Größe", single("Größe").text());
        assertEquals("a$b#c@d", single("a$b#c@d").text());
    }

    @Test
    void bracketedIdentifierWithEscapedBracket() {
        Token t = single("[Order ]]Details]]]");
        assertEquals(TokenType.BRACKETED_IDENTIFIER, t.type());
        assertEquals("[Order ]]Details]]]", t.text());
        assertEquals("Order ]Details]", t.value());
    }

    @Test
    void doubleQuotedIdentifierWithEscapedQuote() {
        Token t = single("\"Order \"\"Details\"\"\"");
        assertEquals(TokenType.QUOTED_IDENTIFIER, t.type());
        assertEquals("Order \"Details\"", t.value());
    }

    @Test
    void doubleQuotesAreStringsWhileQuotedIdentifierIsOff() {
        List<Token> tokens = Lexer.tokenize("SET QUOTED_IDENTIFIER OFF \"a\" SET QUOTED_IDENTIFIER ON \"b\"");
        assertEquals(TokenType.STRING, tokens.get(3).type());
        assertEquals("a", tokens.get(3).value());
        assertEquals(TokenType.QUOTED_IDENTIFIER, tokens.get(7).type());
    }

    @Test
    void stringsAndUnicodeStrings() {
        Token s = single("'it''s'");
        assertEquals(TokenType.STRING, s.type());
        assertEquals("it's", s.value());
        Token n = single("N'Café ''x'''");
        assertEquals(TokenType.NATIONAL_STRING, n.type());
        assertEquals("Café 'x'", n.value());
        assertEquals(List.of(TokenType.IDENTIFIER, TokenType.STRING), types("Na 'x'"));
        assertEquals("", single("''").value());
    }

    @Test
    void numbers() {
        assertEquals(TokenType.INTEGER, single("42").type());
        assertEquals(TokenType.DECIMAL, single("3.25").type());
        assertEquals(TokenType.DECIMAL, single(".5").type());
        assertEquals(TokenType.DECIMAL, single("5.").type());
        assertEquals(TokenType.FLOAT, single("1e10").type());
        assertEquals(TokenType.FLOAT, single("2.5E-3").type());
        assertEquals(List.of(TokenType.INTEGER, TokenType.IDENTIFIER), types("2e"));
    }

    @Test
    void binaryAndMoney() {
        Token b = single("0x1F2e");
        assertEquals(TokenType.BINARY, b.type());
        assertEquals("0x1F2e", b.text());
        assertEquals(TokenType.BINARY, single("0x").type());
        Token m = single("$12.50");
        assertEquals(TokenType.MONEY, m.type());
        assertEquals("$12.50", m.text());
    }

    @Test
    void variablesTempNamesAndSqlcmd() {
        assertEquals(TokenType.VARIABLE, single("@CustomerID").type());
        assertEquals(TokenType.SYSTEM_VARIABLE, single("@@ROWCOUNT").type());
        assertEquals(TokenType.TEMP_NAME, single("#orders").type());
        assertEquals(TokenType.TEMP_NAME, single("##global").type());
        assertEquals(TokenType.SQLCMD_VARIABLE, single("$(DatabaseName)").type());
        List<Token> tokens = Lexer.tokenize(" :setvar Db \"X\"\nSELECT a::b");
        assertEquals(TokenType.SQLCMD_COMMAND, tokens.get(0).type());
        assertEquals(":setvar Db \"X\"", tokens.get(0).text());
        assertEquals(TokenType.OPERATOR, tokens.get(3).type());
        assertEquals("::", tokens.get(3).text());
    }

    @Test
    void operatorsAndPunctuation() {
        assertEquals(List.of("<=", ">=", "<>", "!=", "!<", "+=", "=", "%", "&", "|", "^", "~"),
                Lexer.tokenize("<= >= <> != !< += = % & | ^ ~").stream().map(Token::text).toList());
        assertEquals(List.of(TokenType.LEFT_PAREN, TokenType.RIGHT_PAREN, TokenType.COMMA, TokenType.DOT,
                TokenType.SEMICOLON), types("(),.;"));
        assertEquals(List.of(TokenType.IDENTIFIER, TokenType.OPERATOR, TokenType.INTEGER), types("a-1"));
    }

    @Test
    void commentsAreSkippedAndBlockCommentsNest() {
        assertEquals(List.of("a", "b"), Lexer.tokenize("a -- x y 'z\n/* one /* two */ still */ b")
                .stream().map(Token::text).toList());
        assertTrue(Lexer.tokenize("-- only\n/* comment */").isEmpty());
    }

    @Test
    void unterminatedTextIsAnErrorToken() {
        assertEquals(TokenType.ERROR, single("'abc").type());
        assertEquals(TokenType.ERROR, single("[abc").type());
        assertEquals(List.of(TokenType.IDENTIFIER, TokenType.ERROR), types("a /* /* */"));
    }

    @Test
    void positionsAreOneBasedLinesAndColumns() {
        List<Token> tokens = Lexer.tokenize("CREATE TABLE\r\n  [x\ny] (\n\tid int)");
        Token create = tokens.get(0);
        assertEquals(1, create.line());
        assertEquals(1, create.column());
        assertEquals(0, create.start());
        assertEquals(6, create.end());
        Token table = tokens.get(1);
        assertEquals(1, table.line());
        assertEquals(8, table.column());
        Token bracketed = tokens.get(2);
        assertEquals(2, bracketed.line());
        assertEquals(3, bracketed.column());
        Token paren = tokens.get(3);
        assertEquals(3, paren.line());
        assertEquals(4, paren.column());
        Token id = tokens.get(4);
        assertEquals(4, id.line());
        assertEquals(2, id.column());
        assertTrue(create.lineStart());
        assertFalse(table.lineStart());
        assertTrue(id.lineStart());
    }
}
