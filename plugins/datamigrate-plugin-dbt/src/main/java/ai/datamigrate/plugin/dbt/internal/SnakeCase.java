package ai.datamigrate.plugin.dbt.internal;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Turns SQL Server names into the snake_case names dbt projects use: {@code IDNumber} becomes {@code id_number}. */
final class SnakeCase {

    private SnakeCase() {
    }

    /**
     * Word boundaries are a lower-case letter or digit followed by an upper-case letter, and the last capital of
     * an acronym followed by a lower-case letter ({@code IDNumber}); anything not a letter or digit separates
     * words. Accents are dropped; the result may be empty when the name has no Latin letters or digits.
     */
    static String of(String name) {
        String ascii = isAscii(name) ? name : MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                .replaceAll("");
        StringBuilder out = new StringBuilder(ascii.length() + 8);
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (isUpper(c)) {
                char prev = i > 0 ? ascii.charAt(i - 1) : ' ';
                char next = i + 1 < ascii.length() ? ascii.charAt(i + 1) : ' ';
                if (isLower(prev) || isDigit(prev) || (isUpper(prev) && isLower(next))) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else if (isLower(c) || isDigit(c)) {
                out.append(c);
            } else {
                out.append('_');
            }
        }
        // out holds only a-z, 0-9 and '_': squeeze runs of '_' and drop them at both ends
        StringBuilder squeezed = new StringBuilder(out.length());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c != '_' || (squeezed.length() > 0 && squeezed.charAt(squeezed.length() - 1) != '_')) {
                squeezed.append(c);
            }
        }
        if (squeezed.length() > 0 && squeezed.charAt(squeezed.length() - 1) == '_') {
            squeezed.setLength(squeezed.length() - 1);
        }
        return squeezed.toString();
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Plain ASCII has no accents to drop: the normaliser (a large share of the time per name) is skipped. */
    private static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
