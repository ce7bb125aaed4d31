package ai.datamigrate.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.cli.internal.CliRunner.Run;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * A {@code jdbc:sqlserver://} input reaches the live SQL Server reader through every command that reads a source,
 * as typed (a path would fold its {@code //}). No SQL Server runs here: the reader's connection attempt is what
 * shows the URL arrived intact; {@code LiveSqlServerIT} in the mssql plugin reads a real server where Docker is.
 */
class LiveInputTest {

    /** A local port nothing listens on: the connection is refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void everyReadingCommandTakesTheUrlAndFailsOnTheConnectionInOneLine() throws IOException {
        String url = "jdbc:sqlserver://127.0.0.1:" + closedPort() + ";databaseName=Shop;encrypt=false";
        String[][] commands = {
                {"inspect", url},
                {"migrate", url, "--out", "target/live-input-never-written"},
                {"assess", url, "--out", "target/live-input-never-written"},
                {"load", url, "--target-url", "jdbc:postgresql://127.0.0.1:1/x"},
        };
        for (String[] command : commands) {
            Run run = CliRunner.run(command);
            String what = String.join(" ", command) + ": " + run.err();
            assertEquals(ExitCode.INTERNAL_ERROR, run.exitCode(), what);
            assertTrue(run.err().contains("DM-MSSQL-LIVE-CONNECT-FAILED: cannot connect to SQL Server at 127.0.0.1:"),
                    what);
            assertFalse(run.err().contains("\tat "), "no stack trace: " + what);
            assertFalse(run.err().contains("input not found"), "not taken for a path: " + what);
        }
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("target/live-input-never-written")),
                "a failed read writes nothing");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        Run run = CliRunner.run("inspect", "jdbc:sqlserver://127.0.0.1:1;databaseName=Shop;password=Tr0ub4dor");
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains("must not contain the property 'password'"), run.err());
        assertFalse(run.err().contains("Tr0ub4dor") || run.out().contains("Tr0ub4dor"), run.err());
    }

    @Test
    void aUrlNoReaderAcceptsNamesTheReaders() {
        Run run = CliRunner.run("inspect", "jdbc:oracle:thin:@//db:1521/x");
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains("no source reader accepts jdbc:oracle:thin:@//db:1521/x"), run.err());
        assertTrue(run.err().contains("mssql-live"), run.err());
    }
}
