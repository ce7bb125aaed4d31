package ai.datamigrate.spi.llm;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.ErrorKind;

/** A provider call that failed for good. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class LlmException extends DataMigrateException {

    private static final long serialVersionUID = 1L;

    /** The credentials were refused (HTTP 401/403): fix the API key. */
    public static final ErrorCode UNAUTHORIZED = new ErrorCode("DM-LLM-UNAUTHORIZED", ErrorKind.USER, false);
    /** The request was refused as invalid (HTTP 400/404/413...). */
    public static final ErrorCode REJECTED = new ErrorCode("DM-LLM-REJECTED", ErrorKind.EXTERNAL, false);
    /** Retriable failures (429, 5xx, timeouts) went on past the provider's retries. */
    public static final ErrorCode RETRIES_EXHAUSTED = new ErrorCode("DM-LLM-RETRIES-EXHAUSTED", ErrorKind.EXTERNAL,
            true);
    /** The run's budget (dollars or tokens) was reached; no further calls are made. */
    public static final ErrorCode BUDGET_EXHAUSTED = new ErrorCode("DM-LLM-BUDGET", ErrorKind.USER, false);
    /** {@code --llm-offline}: the answer is not in the cache. */
    public static final ErrorCode NOT_CACHED = new ErrorCode("DM-LLM-NOT-CACHED", ErrorKind.USER, false);

    public LlmException(ErrorCode code, String message) {
        super(code, message);
    }

    public LlmException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
