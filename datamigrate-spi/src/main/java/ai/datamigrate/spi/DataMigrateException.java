package ai.datamigrate.spi;

import java.util.Objects;

/** The one unchecked root of every error DataMigrate and its plugins raise on purpose. */
@Api(status = Api.Status.STABLE, since = "0.1")
public class DataMigrateException extends RuntimeException {

    private final ErrorCode errorCode;

    public DataMigrateException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public DataMigrateException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public ErrorKind kind() {
        return errorCode.kind();
    }
}
