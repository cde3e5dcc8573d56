package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code resolve compare}: common random numbers, paired differences, files. */
class CompareCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aScenarioAgainstItselfDiffersByExactlyZeroUnderCommonRandomNumbers() throws Exception {
        Path out = tmp.resolve("self");
        Cli c = Cli.run("compare", "kursk-2024", "kursk-2024", "--replications", "6", "--days", "120",
                "--out", out.toString());
        assertEquals(0, c.code, c.toString());
        List<String> rows = Files.readAllLines(out.resolve("compare.csv"));
        assertTrue(rows.size() > 40);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertEquals("6", f[3], row);
            assertEquals(0.0, Double.parseDouble(f[6]), 0.0, "mean difference: " + row);
            assertEquals(0.0, Double.parseDouble(f[10]) - Double.parseDouble(f[11]), 0.0, "spread: " + row);
        }
    }

    @Test
    void theCampaignRaisesSurrendersAndLowersSelfKilling() throws Exception {
        Path out = tmp.resolve("campaign");
        Cli c = Cli.run("compare", "kursk-2024", "kursk-2024-persuasion", "--mode", "aggregate", "--replications", "20",
                "--out", out.toString());
        assertEquals(0, c.code, c.toString());
        assertTrue(c.out.contains("In plain words: saves"), c.out);
        for (String row : Files.readAllLines(out.resolve("compare.csv"))) {
            String[] f = row.split(",");
            if (f[0].equals("surrendered")) {
                assertTrue(Double.parseDouble(f[7]) > 0, "surrenders rise, interval above 0: " + row);
            }
            if (f[0].equals("self_killed")) {
                assertTrue(Double.parseDouble(f[8]) < 0, "self-killing falls, interval below 0: " + row);
            }
        }
    }

    @Test
    void badMetricAndTooFewReplicationsAreOneLineErrors() {
        Cli c = Cli.run("compare", "kursk-2024", "kursk-2024-persuasion", "--metrics", "kiled", "--replications", "2");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("did you mean 'killed'"), c.err);
        Cli d = Cli.run("compare", "kursk-2024", "kursk-2024-persuasion", "--replications", "1");
        assertEquals(Main.INVALID_INPUT, d.code, d.toString());
        assertTrue(d.err.contains("at least 2"), d.err);
    }
}
