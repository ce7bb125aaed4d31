package ai.datamigrate.plugin.mssql.internal.translate;

import java.util.Optional;

/**
 * SQL Server's REGEXP_* functions use RE2; PostgreSQL uses Tcl's advanced regular expressions (ARE). A literal RE2
 * pattern is rewritten into the ARE that matches the same strings, or refused with the reason:
 * <ul>
 *   <li>{@code \d \w \s} are ASCII classes in RE2 and locale classes in ARE: they become explicit brackets;</li>
 *   <li>without the {@code s} flag RE2's {@code .} does not match a newline, but its {@code [^a]} does: no ARE mode
 *       has that pair, so {@code .} becomes {@code [^\n]};</li>
 *   <li>{@code \b} is a word boundary in RE2 and a backspace in ARE, POSIX classes, look-arounds and Unicode classes
 *       differ: refused;</li>
 *   <li>RE2 picks the leftmost-first match, ARE the leftmost-longest: whether a string matches at all is the same, but
 *       which text matches can differ once a pattern has alternatives or variable repetition. Functions that return or
 *       count matched text therefore accept only fixed-length patterns (no {@code | * + ?}, {@code {n}} is fine).</li>
 * </ul>
 */
final class RegexPatterns {

    private RegexPatterns() {
    }

    /** A rewritten pattern, or why there is none. */
    record Result(Optional<String> pattern, String refusal) {
        static Result ok(String p) {
            return new Result(Optional.of(p), "");
        }

        static Result no(String why) {
            return new Result(Optional.empty(), why);
        }
    }

    /**
     * @param flags       SQL Server's flags ({@code i c s m}), already checked
     * @param fixedLength whether only fixed-length patterns are accepted (functions that return matched text)
     */
    static Result toPostgres(String re2, String flags, boolean fixedLength) {
        boolean dotAll = flags.indexOf('s') >= 0;
        StringBuilder out = new StringBuilder();
        // the last of i and c wins; m makes ^ and $ match at line ends (ARE's w: . is rewritten anyway)
        int i = flags.lastIndexOf('i');
        int c = flags.lastIndexOf('c');
        String options = (i > c ? "i" : "") + (flags.indexOf('m') >= 0 ? "w" : "");
        if (!options.isEmpty()) {
            out.append("(?").append(options).append(')');
        }
        boolean inBracket = false;
        int bracketStart = -1;
        for (int k = 0; k < re2.length(); k++) {
            char ch = re2.charAt(k);
            if (ch == '\\') {
                if (k + 1 >= re2.length()) {
                    return Result.no("a pattern ending in a backslash");
                }
                char e = re2.charAt(++k);
                String cls = switch (e) {
                    case 'd' -> "0-9";
                    case 'w' -> "0-9A-Za-z_";
                    case 's' -> "\\t\\n\\f\\r ";
                    default -> null;
                };
                if (cls != null) {
                    out.append(inBracket ? cls : "[" + cls + "]");
                } else if (e == 'D' || e == 'W' || e == 'S') {
                    if (inBracket) {
                        return Result.no("\\" + e + " inside a bracket expression");
                    }
                    String neg = e == 'D' ? "0-9" : e == 'W' ? "0-9A-Za-z_" : "\\t\\n\\f\\r ";
                    out.append("[^").append(neg).append(']');
                } else if ("ntrfv".indexOf(e) >= 0 || !Character.isLetterOrDigit(e)) {
                    out.append('\\').append(e);
                } else {
                    return Result.no("the escape \\" + e + " (RE2 and PostgreSQL read it differently)");
                }
                continue;
            }
            if (inBracket) {
                if (ch == '[' && k + 1 < re2.length() && (re2.charAt(k + 1) == ':' || re2.charAt(k + 1) == '='
                        || re2.charAt(k + 1) == '.')) {
                    return Result.no("POSIX character classes");
                }
                if (ch == ']' && k > bracketStart + 1 && !(k == bracketStart + 2 && re2.charAt(bracketStart + 1) == '^')) {
                    inBracket = false;
                }
                out.append(ch);
                continue;
            }
            switch (ch) {
                case '[' -> {
                    inBracket = true;
                    bracketStart = k;
                    out.append(ch);
                }
                case '.' -> out.append(dotAll ? "." : "[^\\n]");
                case '(' -> {
                    if (k + 1 < re2.length() && re2.charAt(k + 1) == '?') {
                        if (k + 2 < re2.length() && re2.charAt(k + 2) == ':') {
                            out.append("(?:");
                            k += 2;
                        } else {
                            return Result.no("(? groups (flags, names, look-arounds)");
                        }
                    } else {
                        out.append(ch);
                    }
                }
                case '|', '*', '+', '?' -> {
                    if (fixedLength) {
                        return Result.no("'" + ch + "' in a pattern whose matched text is used (RE2 takes the "
                                + "leftmost-first match, PostgreSQL the leftmost-longest)");
                    }
                    if (ch != '|' && k + 1 < re2.length() && re2.charAt(k + 1) == '?') {
                        return Result.no("lazy quantifiers");
                    }
                    out.append(ch);
                }
                case '{' -> {
                    int end = re2.indexOf('}', k);
                    String body = end < 0 ? "" : re2.substring(k + 1, end);
                    if (!body.matches("[0-9]{1,3}(,[0-9]{0,3})?")) {
                        return Result.no("'{' that is not a repetition count");
                    }
                    if (fixedLength && body.contains(",")) {
                        return Result.no("a repetition range in a pattern whose matched text is used");
                    }
                    if (end + 1 < re2.length() && re2.charAt(end + 1) == '?') {
                        return Result.no("lazy quantifiers");
                    }
                    out.append(re2, k, end + 1);
                    k = end;
                }
                default -> out.append(ch);
            }
        }
        if (inBracket) {
            return Result.no("an unclosed bracket expression");
        }
        return Result.ok(out.toString());
    }

    /**
     * A REGEXP_REPLACE replacement: {@code \1}..{@code \9} stay, {@code &} (the whole match) becomes ARE's
     * {@code \&}, {@code \\} stays a backslash; other escapes are refused.
     */
    static Optional<String> replacement(String text) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (ch == '&') {
                out.append("\\&");
            } else if (ch == '\\') {
                if (k + 1 >= text.length()) {
                    return Optional.empty();
                }
                char e = text.charAt(++k);
                if (e >= '1' && e <= '9' || e == '\\') {
                    out.append('\\').append(e);
                } else if (e == '&') {
                    out.append('&');
                } else {
                    return Optional.empty();
                }
            } else {
                out.append(ch);
            }
        }
        return Optional.of(out.toString());
    }
}
