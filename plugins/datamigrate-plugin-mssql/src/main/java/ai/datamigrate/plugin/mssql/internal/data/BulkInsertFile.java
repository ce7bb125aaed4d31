package ai.datamigrate.plugin.mssql.internal.data;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Streams the rows of a BULK INSERT data file as text fields, as SQL Server cuts them: by the field terminator,
 * then the row terminator, from a character file in a code page ({@code DATAFILETYPE='char'}) or a UTF-16LE file
 * ({@code 'widechar'}). Only one row is in memory at a time.
 */
public final class BulkInsertFile {

    /**
     * Receives one row of fields; {@code row} is its 1-based number in the file. Returns false to stop. The list is
     * reused for the next row: it is valid during the call only.
     */
    public interface Rows {
        boolean row(List<String> fields, long row);
    }

    /**
     * A terminator: its characters, and whether it is SQL Server's {@code \n}, which matches a line feed with or
     * without the carriage return before it.
     */
    public record Terminator(String text, boolean lineFeed) {

        /**
         * A terminator as the WITH option writes it: {@code '|'}, {@code '\t'}, {@code '\n'}, {@code '\r\n'},
         * {@code '0x0a'}, {@code '0x0d0a'}, with the escapes {@code \t \n \r \0 \\}.
         */
        public static Terminator of(String option) {
            String lower = option.toLowerCase(Locale.ROOT);
            if (lower.startsWith("0x") && option.length() > 2 && option.length() % 2 == 0
                    && lower.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                StringBuilder chars = new StringBuilder();
                for (int i = 2; i < option.length(); i += 2) {
                    chars.append((char) Integer.parseInt(option.substring(i, i + 2), 16));
                }
                return new Terminator(chars.toString(), false);
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < option.length(); i++) {
                char c = option.charAt(i);
                if (c == '\\' && i + 1 < option.length()) {
                    char e = option.charAt(i + 1);
                    int before = out.length();
                    switch (e) {
                        case 't' -> out.append('\t');
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case '0' -> out.append('\0');
                        case '\\' -> out.append('\\');
                        default -> out.append(c);
                    }
                    if (out.length() > before && (e == 't' || e == 'n' || e == 'r' || e == '0' || e == '\\')) {
                        i++;
                    }
                } else {
                    out.append(c);
                }
            }
            String text = out.toString();
            return new Terminator(text, option.equals("\\n"));
        }
    }

    private final Path file;
    private final Charset charset;
    private final Terminator field;
    private final Terminator row;

    public BulkInsertFile(Path file, Charset charset, Terminator field, Terminator row) {
        this.file = file;
        this.charset = charset;
        this.field = field;
        this.row = row;
        if (field.text().isEmpty() || row.text().isEmpty()) {
            throw new IllegalArgumentException("empty terminator");
        }
    }

    /**
     * The charset of a data file: {@code widechar} is UTF-16LE; {@code char} uses the CODEPAGE ({@code ACP} is
     * windows-1252, {@code OEM}, the default, is 437, {@code RAW} keeps bytes as they are, 65001 is UTF-8).
     * Empty when the type or code page is not one this reader supports ({@code native}, an unknown code page).
     */
    public static Optional<Charset> charset(String dataFileType, String codePage) {
        String type = dataFileType == null || dataFileType.isBlank() ? "char" : dataFileType.toLowerCase(Locale.ROOT);
        if (type.equals("widechar")) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (!type.equals("char")) {
            return Optional.empty();
        }
        String page = codePage == null || codePage.isBlank() ? "OEM" : codePage.strip().toUpperCase(Locale.ROOT);
        switch (page) {
            case "ACP":
                return Optional.of(Charset.forName("windows-1252"));
            case "OEM":
                return Optional.of(Charset.forName("IBM437"));
            case "RAW":
                return Optional.of(StandardCharsets.ISO_8859_1);
            case "65001", "UTF-8", "UTF8":
                return Optional.of(StandardCharsets.UTF_8);
            case "1200":
                return Optional.of(StandardCharsets.UTF_16LE);
            default:
                for (String name : List.of("windows-" + page, "IBM" + page, "Cp" + page, "x-windows-" + page, page)) {
                    try {
                        if (Charset.isSupported(name)) {
                            return Optional.of(Charset.forName(name));
                        }
                    } catch (IllegalArgumentException e) {
                        // not a charset name: try the next
                    }
                }
                return Optional.empty();
        }
    }

    /**
     * Streams rows {@code firstRow} to {@code lastRow} (1-based, 0 for the end) to {@code rows}.
     *
     * @return false when {@code rows} asked to stop
     */
    public boolean read(long firstRow, long lastRow, Rows rows) throws IOException {
        if (field.text().length() == 1 && row.text().length() == 1 && field.text().charAt(0) < 0x80
                && row.text().charAt(0) < 0x80 && ASCII_COMPATIBLE.contains(charset)) {
            return readBytes(firstRow, lastRow, rows);
        }
        return readChars(firstRow, lastRow, rows);
    }

    /** {@link #read} for any charset and terminator: decodes the file and cuts the characters. */
    boolean readChars(long firstRow, long lastRow, Rows rows) throws IOException {
        try (Reader in = new InputStreamReader(Files.newInputStream(file), charset.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE))) {
            char[] buffer = new char[1 << 16];
            StringBuilder current = new StringBuilder();
            List<String> fields = new ArrayList<>();
            String rowText = row.text();
            char rowLast = rowText.charAt(rowText.length() - 1);
            String fieldText = field.text();
            char fieldLast = fieldText.charAt(fieldText.length() - 1);
            long number = 1;
            boolean first = true;
            int read;
            while ((read = in.read(buffer)) > 0) {
                int start = 0;
                if (first) {
                    first = false;
                    if (buffer[0] == '\uFEFF') {
                        start = 1; // a byte order mark is not data
                    }
                }
                if (fieldText.length() == 1 && rowText.length() == 1) {
                    // single-character terminators (nearly every file): copy runs of characters between them
                    char fieldChar = fieldLast;
                    char rowChar = rowLast;
                    int runStart = start;
                    for (int i = start; i < read; i++) {
                        char c = buffer[i];
                        if (c != fieldChar && c != rowChar) {
                            continue;
                        }
                        current.append(buffer, runStart, i - runStart);
                        runStart = i + 1;
                        if (c == rowChar) {
                            if (row.lineFeed() && current.length() > 0
                                    && current.charAt(current.length() - 1) == '\r') {
                                current.setLength(current.length() - 1);
                            }
                            fields.add(current.toString());
                            current.setLength(0);
                            if (number >= firstRow && !rows.row(fields, number)) {
                                return false;
                            }
                            fields.clear();
                            if (lastRow > 0 && number >= lastRow) {
                                return true;
                            }
                            number++;
                        } else {
                            fields.add(current.toString());
                            current.setLength(0);
                        }
                    }
                    current.append(buffer, runStart, read - runStart);
                    continue;
                }
                for (int i = start; i < read; i++) {
                    char c = buffer[i];
                    current.append(c);
                    if (c == rowLast && endsWith(current, rowText)) {
                        current.setLength(current.length() - rowText.length());
                        if (row.lineFeed() && current.length() > 0 && current.charAt(current.length() - 1) == '\r') {
                            current.setLength(current.length() - 1);
                        }
                        fields.add(current.toString());
                        current.setLength(0);
                        if (number >= firstRow && !rows.row(fields, number)) {
                            return false;
                        }
                        fields.clear();
                        if (lastRow > 0 && number >= lastRow) {
                            return true;
                        }
                        number++;
                    } else if (c == fieldLast && endsWith(current, fieldText)) {
                        current.setLength(current.length() - fieldText.length());
                        fields.add(current.toString());
                        current.setLength(0);
                    }
                }
            }
            if (current.length() > 0 || !fields.isEmpty()) {
                // the last row without its terminator
                if (row.lineFeed() && current.length() > 0 && current.charAt(current.length() - 1) == '\r') {
                    current.setLength(current.length() - 1);
                }
                fields.add(current.toString());
                if (number >= firstRow && (lastRow <= 0 || number <= lastRow)) {
                    return rows.row(fields, number);
                }
            }
            return true;
        }
    }

    /** Charsets in which every byte below 0x80 is that ASCII character and never part of another character. */
    private static final java.util.Set<Charset> ASCII_COMPATIBLE = java.util.Set.of(StandardCharsets.UTF_8,
            StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII);

    /**
     * {@link #read} for the common case, single ASCII terminators in an ASCII-compatible charset: the file is cut
     * into fields as bytes and each field decoded once, instead of decoding every character and copying it again.
     * A malformed UTF-8 sequence becomes U+FFFD, as the decoder of the general path makes it.
     */
    boolean readBytes(long firstRow, long lastRow, Rows rows) throws IOException {
        byte fieldByte = (byte) field.text().charAt(0);
        byte rowByte = (byte) row.text().charAt(0);
        boolean lineFeed = row.lineFeed();
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 17];
            // the bytes of a field that continues past the end of the buffer
            byte[] carry = new byte[256];
            int carried = 0;
            List<String> fields = new ArrayList<>();
            long number = 1;
            boolean first = true;
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                int start = 0;
                if (first) {
                    first = false;
                    if (charset.equals(StandardCharsets.UTF_8) && read >= 3 && buffer[0] == (byte) 0xEF
                            && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
                        start = 3; // a byte order mark is not data
                    }
                }
                int runStart = start;
                for (int i = start; i < read; i++) {
                    byte b = buffer[i];
                    if (b != fieldByte && b != rowByte) {
                        continue;
                    }
                    int end = i;
                    String text;
                    if (carried == 0) {
                        if (b == rowByte && lineFeed && end > runStart && buffer[end - 1] == '\r') {
                            end--;
                        }
                        text = new String(buffer, runStart, end - runStart, charset);
                    } else {
                        if (carried + end - runStart > carry.length) {
                            carry = java.util.Arrays.copyOf(carry, Math.max(carry.length * 2, carried + end - runStart));
                        }
                        System.arraycopy(buffer, runStart, carry, carried, end - runStart);
                        carried += end - runStart;
                        if (b == rowByte && lineFeed && carried > 0 && carry[carried - 1] == '\r') {
                            carried--;
                        }
                        text = new String(carry, 0, carried, charset);
                        carried = 0;
                    }
                    runStart = i + 1;
                    fields.add(text);
                    if (b == rowByte) {
                        if (number >= firstRow && !rows.row(fields, number)) {
                            return false;
                        }
                        fields.clear();
                        if (lastRow > 0 && number >= lastRow) {
                            return true;
                        }
                        number++;
                    }
                }
                int rest = read - runStart;
                if (carried + rest > carry.length) {
                    carry = java.util.Arrays.copyOf(carry, Math.max(carry.length * 2, carried + rest));
                }
                System.arraycopy(buffer, runStart, carry, carried, rest);
                carried += rest;
            }
            if (carried > 0 || !fields.isEmpty()) {
                // the last row without its terminator
                if (lineFeed && carried > 0 && carry[carried - 1] == '\r') {
                    carried--;
                }
                fields.add(new String(carry, 0, carried, charset));
                if (number >= firstRow && (lastRow <= 0 || number <= lastRow)) {
                    return rows.row(fields, number);
                }
            }
            return true;
        }
    }

    private static boolean endsWith(StringBuilder text, String suffix) {
        int n = suffix.length();
        int offset = text.length() - n;
        if (offset < 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (text.charAt(offset + i) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
