package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * SQLCMD mode, as {@code sqlcmd} and SSMS apply it before SQL Server sees the text: {@code :setvar name value},
 * {@code $(name)} replaced everywhere (values given by the user win over {@code :setvar}), {@code :r file}
 * included in place (relative to the including script, cycles and missing files reported). Other commands
 * ({@code :on error exit}, {@code :connect}) are ignored with a note. One pass over the text; command lines
 * become empty lines so that line numbers stay those of the file.
 */
public final class Sqlcmd {

    static final String INCLUDE_MISSING = "MSSQL-SQLCMD-INCLUDE-MISSING";
    static final String INCLUDE_CYCLE = "MSSQL-SQLCMD-INCLUDE-CYCLE";
    static final String UNDEFINED_VARIABLE = "MSSQL-SQLCMD-UNDEFINED-VARIABLE";
    private static final int MAX_INCLUDE_DEPTH = 32;

    /** The expanded text, where its lines came from, and what was noted on the way. */
    public record Result(String text, LineMap lines, List<Diagnostic> diagnostics) {
    }

    private final StringBuilder out;
    private final LineMap lines;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, String> variables = new HashMap<>();
    private final Set<String> userVariables;
    private final Set<String> reportedUndefined = new HashSet<>();
    private final Deque<Path> including = new ArrayDeque<>();
    private final Function<Path, String> reader;
    // lexical state carried across lines: a command inside a comment or string is not a command
    private int commentDepth;
    private boolean inString;

    private Sqlcmd(String file, int capacity, Map<String, String> userVariables, Function<Path, String> reader) {
        this.out = new StringBuilder(capacity + 16);
        this.lines = new LineMap(file);
        this.userVariables = Set.copyOf(userVariables.keySet());
        this.variables.putAll(userVariables);
        this.reader = reader;
    }

    /**
     * @param file   the script's name as shown in locations
     * @param path   the script's path, for includes relative to it
     * @param reader reads and decodes an included file; throws {@link java.io.UncheckedIOException} when it cannot
     */
    public static Result expand(String file, Optional<Path> path, String text, Map<String, String> userVariables,
                                Function<Path, String> reader) {
        Sqlcmd sqlcmd = new Sqlcmd(file, text.length(), userVariables, reader);
        path.map(p -> p.toAbsolutePath().normalize()).ifPresent(sqlcmd.including::push);
        sqlcmd.process(file, path.map(p -> p.toAbsolutePath().getParent()), text);
        return new Result(sqlcmd.out.toString(), sqlcmd.lines, sqlcmd.diagnostics);
    }

    private void process(String file, Optional<Path> dir, String text) {
        int length = text.length();
        int start = 0;
        int line = 1;
        while (start < length) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? length : end + 1;
            int contentEnd = end < 0 ? length : end;
            if (contentEnd > start && text.charAt(contentEnd - 1) == '\r') {
                contentEnd--;
            }
            int colon = firstNonBlank(text, start, contentEnd);
            if (commentDepth == 0 && !inString && colon < contentEnd && text.charAt(colon) == ':'
                    && colon + 1 < contentEnd && Character.isLetter(text.charAt(colon + 1))) {
                command(file, dir, line, colon - start + 1, text.substring(colon, contentEnd));
            } else {
                int from = out.length();
                substitute(file, line, text, start, next);
                track(out, from, out.length());
                lines.add(file, line);
                if (end < 0) {
                    out.append('\n');
                }
            }
            start = next;
            line++;
        }
    }

    private void command(String file, Optional<Path> dir, int line, int column, String command) {
        SourceLocation at = new SourceLocation(file, line, column);
        int space = indexOfSpace(command, 0);
        String verb = command.substring(1, space).toLowerCase(Locale.ROOT);
        String rest = command.substring(space).strip();
        if (verb.equals("setvar")) {
            int nameEnd = indexOfSpace(rest, 0);
            String name = rest.substring(0, nameEnd);
            String value = unquote(rest.substring(nameEnd).strip());
            if (!name.isEmpty() && !userVariables.contains(name)) {
                variables.put(name, value);
            }
            diagnostics.add(Diagnostic.info(ScriptContext.IGNORED, at, "SQLCMD variable " + name + " set to '"
                    + (userVariables.contains(name) ? variables.get(name) + "' (given by the user; the script says '"
                    + value + "')" : value + "'")));
            emptyLine(file, line);
        } else if (verb.equals("r") && dir.isPresent()) {
            emptyLine(file, line);
            include(at, dir.get(), unquote(substituteAll(rest)));
        } else {
            diagnostics.add(Diagnostic.info(ScriptContext.IGNORED, at, "ignored SQLCMD command " + command.strip()));
            emptyLine(file, line);
        }
    }

    private void include(SourceLocation at, Path dir, String name) {
        Path target = dir.resolve(name).toAbsolutePath().normalize();
        if (including.contains(target)) {
            diagnostics.add(Diagnostic.warning(INCLUDE_CYCLE, at, ":r " + name + " includes a script that is "
                    + "already being included; skipped"));
            return;
        }
        if (including.size() > MAX_INCLUDE_DEPTH) {
            diagnostics.add(Diagnostic.warning(INCLUDE_CYCLE, at, ":r " + name + " nests includes deeper than "
                    + MAX_INCLUDE_DEPTH + " levels; skipped"));
            return;
        }
        if (!Files.isRegularFile(target)) {
            diagnostics.add(Diagnostic.warning(INCLUDE_MISSING, at, ":r " + name + ": no such file (" + target
                    + "); skipped"));
            return;
        }
        String text;
        try {
            text = reader.apply(target);
        } catch (RuntimeException e) {
            diagnostics.add(Diagnostic.warning(INCLUDE_MISSING, at, ":r " + name + " cannot be read: "
                    + e.getMessage() + "; skipped"));
            return;
        }
        diagnostics.add(Diagnostic.info(ScriptContext.IGNORED, at, "included " + target));
        including.push(target);
        int savedDepth = commentDepth;
        boolean savedString = inString;
        commentDepth = 0;
        inString = false;
        try {
            process(target.toString(), Optional.ofNullable(target.getParent()), text);
        } finally {
            including.pop();
            commentDepth = savedDepth;
            inString = savedString;
        }
    }

    private void emptyLine(String file, int line) {
        out.append('\n');
        lines.add(file, line);
    }

    /** Copies text[from, to) to the output with every known {@code $(name)} replaced by its value. */
    private void substitute(String file, int line, String text, int from, int to) {
        int i = from;
        while (i < to) {
            int dollar = indexOfVariable(text, i, to);
            if (dollar < 0) {
                out.append(text, i, to);
                return;
            }
            int close = indexOf(text, ')', dollar + 2, to);
            if (close < 0) {
                out.append(text, i, to);
                return;
            }
            out.append(text, i, dollar);
            String name = text.substring(dollar + 2, close);
            String value = variables.get(name);
            if (value != null) {
                out.append(value);
            } else {
                out.append(text, dollar, close + 1);
                if (reportedUndefined.add(name)) {
                    diagnostics.add(Diagnostic.warning(UNDEFINED_VARIABLE, new SourceLocation(file, line,
                            dollar - lineStart(text, dollar) + 1), "SQLCMD variable $(" + name + ") is not "
                            + "defined; give it with --var " + name + "=value"));
                }
            }
            i = close + 1;
        }
    }

    private String substituteAll(String s) {
        int mark = out.length();
        substitute("", 0, s, 0, s.length());
        String result = out.substring(mark);
        out.setLength(mark);
        return result;
    }

    /** Follows strings and block comments through the copied line, to know the state at the next line. */
    private void track(CharSequence text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            char n = i + 1 < to ? text.charAt(i + 1) : '\0';
            if (inString) {
                if (c == '\'') {
                    if (n == '\'') {
                        i += 2;
                        continue;
                    }
                    inString = false;
                }
            } else if (commentDepth > 0) {
                if (c == '/' && n == '*') {
                    commentDepth++;
                    i++;
                } else if (c == '*' && n == '/') {
                    commentDepth--;
                    i++;
                }
            } else if (c == '-' && n == '-') {
                return;
            } else if (c == '/' && n == '*') {
                commentDepth++;
                i++;
            } else if (c == '\'') {
                inString = true;
            } else if (c == '[') {
                int close = indexOf(text, ']', i + 1, to);
                i = close < 0 ? to : close;
            } else if (c == '"') {
                int close = indexOf(text, '"', i + 1, to);
                i = close < 0 ? to : close;
            }
            i++;
        }
    }

    /** The next {@code $(} in text[from, to), searching no further than the line. */
    private static int indexOfVariable(String text, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (text.charAt(i) == '$' && text.charAt(i + 1) == '(') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(CharSequence text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int lineStart(String text, int at) {
        int nl = text.lastIndexOf('\n', at);
        return nl + 1;
    }

    private static int firstNonBlank(String text, int from, int to) {
        int i = from;
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\ufeff')) {
            i++;
        }
        return i;
    }

    private static int indexOfSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
