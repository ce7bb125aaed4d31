package ai.datamigrate.core.internal;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks every reader would otherwise repeat, so that each gives the same one-line message. */
public final class InputFiles {

    private InputFiles() {
    }

    public static void check(Path path) {
        if (!Files.exists(path)) {
            throw new DataMigrateException(ErrorCode.INPUT_NOT_FOUND, "input not found: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new DataMigrateException(ErrorCode.INPUT_UNREADABLE, "input is not readable: " + path);
        }
        if (Files.isRegularFile(path)) {
            try {
                if (Files.size(path) == 0) {
                    throw new DataMigrateException(ErrorCode.INPUT_EMPTY, "input is empty: " + path);
                }
            } catch (IOException e) {
                throw new DataMigrateException(ErrorCode.INPUT_UNREADABLE, "input is not readable: " + path + " ("
                        + e.getMessage() + ")", e);
            }
        }
    }
}
