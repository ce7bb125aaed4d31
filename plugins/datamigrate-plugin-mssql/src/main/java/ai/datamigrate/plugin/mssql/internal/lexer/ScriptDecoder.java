package ai.datamigrate.plugin.mssql.internal.lexer;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a script's bytes into text: UTF-8 with or without BOM, UTF-16 LE/BE with BOM (what SSMS writes), and
 * Windows-1252 for old scripts that are not valid UTF-8. Binary content is refused with the offset it starts at.
 */
public final class ScriptDecoder {

    private ScriptDecoder() {
    }

    public static String decode(String file, byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return utf16(file, bytes, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return utf16(file, bytes, StandardCharsets.UTF_16BE);
        }
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        for (int i = offset; i < bytes.length; i++) {
            if (isBinary(bytes[i] & 0xff)) {
                throw notText(file, i);
            }
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return strict(StandardCharsets.UTF_8).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            // Not UTF-8 but free of control bytes: an old ANSI script.
            return new String(bytes, offset, bytes.length - offset, windows1252());
        }
    }

    private static String utf16(String file, byte[] bytes, Charset charset) {
        String text;
        try {
            text = strict(charset).decode(ByteBuffer.wrap(bytes, 2, bytes.length - 2)).toString();
        } catch (CharacterCodingException e) {
            throw notText(file, 2);
        }
        for (int i = 0; i < text.length(); i++) {
            if (isBinary(text.charAt(i))) {
                throw notText(file, 2 + 2 * i);
            }
        }
        return text;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Control characters other than tab, line feed, form feed and carriage return do not occur in SQL text. */
    private static boolean isBinary(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1a) || c == 0x7f;
    }

    private static DataMigrateException notText(String file, int offset) {
        return new DataMigrateException(ErrorCode.INPUT_NOT_TEXT, file + ": not a text file (binary content at byte "
                + offset + ")");
    }

    private static Charset windows1252() {
        try {
            return Charset.forName("windows-1252");
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
