package ai.datamigrate.plugin.mssql.internal.parser;

import ai.datamigrate.spi.catalog.SourceLocation;

/** Turns a line and column of the text being parsed into a location in the user's files (includes move lines). */
@FunctionalInterface
public interface Locator {

    SourceLocation at(int line, int column);

    static Locator of(String file) {
        return (line, column) -> new SourceLocation(file, line, column);
    }
}
