package ai.datamigrate.spi;

import java.util.Objects;

/**
 * A stable, documented error code such as {@code DM-CONFIG-UNKNOWN-KEY}.
 *
 * @param code      the identifier, upper case words joined by dashes
 * @param kind      who is at fault
 * @param retriable whether the same call may succeed when repeated
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record ErrorCode(String code, ErrorKind kind, boolean retriable) {

    public static final ErrorCode INPUT_NOT_FOUND = new ErrorCode("DM-INPUT-NOT-FOUND", ErrorKind.USER, false);
    public static final ErrorCode INPUT_UNREADABLE = new ErrorCode("DM-INPUT-UNREADABLE", ErrorKind.USER, false);
    public static final ErrorCode INPUT_EMPTY = new ErrorCode("DM-INPUT-EMPTY", ErrorKind.USER, false);
    public static final ErrorCode INPUT_NOT_TEXT = new ErrorCode("DM-INPUT-NOT-TEXT", ErrorKind.USER, false);
    public static final ErrorCode CONFIG_UNKNOWN_KEY = new ErrorCode("DM-CONFIG-UNKNOWN-KEY", ErrorKind.USER, false);
    public static final ErrorCode CONFIG_INVALID_VALUE = new ErrorCode("DM-CONFIG-INVALID-VALUE", ErrorKind.USER, false);
    public static final ErrorCode PLUGIN_NOT_FOUND = new ErrorCode("DM-PLUGIN-NOT-FOUND", ErrorKind.USER, false);
    public static final ErrorCode PLUGIN_DUPLICATE_ID = new ErrorCode("DM-PLUGIN-DUPLICATE-ID", ErrorKind.PLUGIN, false);
    public static final ErrorCode PLUGIN_INVALID = new ErrorCode("DM-PLUGIN-INVALID", ErrorKind.PLUGIN, false);
    public static final ErrorCode PLUGIN_FAILED = new ErrorCode("DM-PLUGIN-FAILED", ErrorKind.PLUGIN, false);
    public static final ErrorCode OUTPUT_FAILED = new ErrorCode("DM-OUTPUT-FAILED", ErrorKind.EXTERNAL, false);

    public ErrorCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String toString() {
        return code;
    }
}
