package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.plugin.mssql.internal.parser.Locator;
import ai.datamigrate.spi.catalog.SourceLocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Where each line of an expanded SQLCMD script came from: which file, which line. */
public final class LineMap implements Locator {

    private final String topFile;
    private final List<String> files = new ArrayList<>();
    private int[] fileOfLine = new int[256];
    private int[] lineOfLine = new int[256];
    private int size;

    LineMap(String topFile) {
        this.topFile = topFile;
    }

    /** A map where every line is the same line of {@code file}. */
    public static LineMap identity(String file) {
        return new LineMap(file);
    }

    void add(String file, int line) {
        if (size == fileOfLine.length) {
            fileOfLine = Arrays.copyOf(fileOfLine, size * 2);
            lineOfLine = Arrays.copyOf(lineOfLine, size * 2);
        }
        int index = files.isEmpty() || !files.get(files.size() - 1).equals(file) ? files.indexOf(file) : files.size() - 1;
        if (index < 0) {
            files.add(file);
            index = files.size() - 1;
        }
        fileOfLine[size] = index;
        lineOfLine[size] = line;
        size++;
    }

    @Override
    public SourceLocation at(int line, int column) {
        if (line >= 1 && line <= size) {
            return new SourceLocation(files.get(fileOfLine[line - 1]), lineOfLine[line - 1], column);
        }
        return new SourceLocation(topFile, line, column);
    }
}
