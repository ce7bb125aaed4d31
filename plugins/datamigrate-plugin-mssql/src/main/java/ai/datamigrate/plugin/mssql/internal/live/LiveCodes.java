package ai.datamigrate.plugin.mssql.internal.live;

import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.ErrorKind;

/** The error and diagnostic codes of the live SQL Server reader; stable, users search for them. */
final class LiveCodes {

    /** The URL carries a password or another secret; it would end up in logs and shell history. */
    static final ErrorCode SECRET_IN_URL = new ErrorCode("DM-MSSQL-LIVE-SECRET-IN-URL", ErrorKind.USER, false);
    /** The URL is not a SQL Server JDBC URL the reader can use. */
    static final ErrorCode BAD_URL = new ErrorCode("DM-MSSQL-LIVE-BAD-URL", ErrorKind.USER, false);
    /** The server could not be reached (network, timeout): worth trying again. */
    static final ErrorCode CONNECT_FAILED = new ErrorCode("DM-MSSQL-LIVE-CONNECT-FAILED", ErrorKind.EXTERNAL, true);
    /** The server answered but refused the login or the database. */
    static final ErrorCode LOGIN_FAILED = new ErrorCode("DM-MSSQL-LIVE-LOGIN-FAILED", ErrorKind.EXTERNAL, false);
    /** A catalog query failed (permissions, a server older than SQL Server 2016). */
    static final ErrorCode QUERY_FAILED = new ErrorCode("DM-MSSQL-LIVE-QUERY-FAILED", ErrorKind.EXTERNAL, false);

    static final String UNMAPPED_OBJECT = "MSSQL-LIVE-UNMAPPED-OBJECT";
    static final String UNMAPPED_TYPE = "MSSQL-LIVE-UNMAPPED-TYPE";
    static final String UNREADABLE_DEFINITION = "MSSQL-LIVE-UNREADABLE-DEFINITION";
    static final String VALUE_OUT_OF_RANGE = "MSSQL-LIVE-VALUE-OUT-OF-RANGE";
    static final String DISABLED = "MSSQL-LIVE-DISABLED";
    static final String APPROXIMATED = "MSSQL-LIVE-APPROXIMATED";

    private LiveCodes() {
    }
}
