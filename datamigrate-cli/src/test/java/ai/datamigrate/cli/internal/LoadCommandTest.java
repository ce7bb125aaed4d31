package ai.datamigrate.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.cli.internal.CliRunner.Run;
import org.junit.jupiter.api.Test;

class LoadCommandTest {

    @Test
    void aNegativeRejectThresholdIsAOneLineUserError() {
        Run run = CliRunner.run("load", CliRunner.sample().toString(), "--target-url",
                "jdbc:postgresql://127.0.0.1:1/x", "--max-rejects", "-1");
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains("--max-rejects must be 0 or more, not -1"), run.err());
    }

    @Test
    void zeroJobsIsAOneLineUserError() {
        Run run = CliRunner.run("load", CliRunner.sample().toString(), "--target-url",
                "jdbc:postgresql://127.0.0.1:1/x", "--jobs", "0");
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains("--jobs must be 1 or more, not 0"), run.err());
    }

    @Test
    void helpNamesTheRejectOptions() {
        Run run = CliRunner.run("load", "--help");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        String help = run.out() + run.err();
        assertTrue(help.contains("--reject-dir") && help.contains("rejects.tsv"), help);
        assertTrue(help.contains("--max-rejects"), help);
        assertTrue(help.contains("--jobs") && help.contains("--resume") && help.contains("load-report.json"), help);
        assertTrue(help.replaceAll("\\s+", " ").contains("default: none are written"), "no report files unless asked for: "
                + help);
    }
}
