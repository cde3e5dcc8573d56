package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code resolve calibrate} end to end on the shared observation ledger (aggregate mode, seeded). */
class CalibrateCommandTest {
    private static final String LEDGER = "../core/src/test/resources/observations/observations-to-2025-01-13.csv";

    @TempDir
    Path tmp;

    @Test
    void writesThePosteriorTheFitAndACalibratedScenarioThatRuns() throws Exception {
        Path out = tmp.resolve("cal");
        Cli c = Cli.run("calibrate", "kursk-2024", "--observations", LEDGER, "--particles", "60", "--generations", "4",
                "--out", out.toString());
        assertEquals(0, c.code, c.toString());
        assertTrue(c.out.contains("Claimants' multiplicative biases"), c.out);
        List<String> posterior = Files.readAllLines(out.resolve("posterior.csv"));
        assertEquals(61, posterior.size(), "one row per particle");
        double weights = 0;
        for (String row : posterior.subList(1, posterior.size())) {
            weights += Double.parseDouble(row.split(",")[1]);
        }
        assertEquals(1.0, weights, 1e-9, "posterior weights add up to 1");
        List<String> fit = Files.readAllLines(out.resolve("fit.csv"));
        assertTrue(fit.size() > 10, "a fit row per report used");
        for (String row : fit.subList(1, fit.size())) {
            assertFalse(row.contains("NaN"), row);
        }
        Path yaml = out.resolve("calibrated.yaml");
        Cli v = Cli.run("validate", yaml.toString());
        assertEquals(0, v.code, v.toString());
        Cli r = Cli.run("run", yaml.toString(), "--mode", "aggregate", "--replications", "3", "--days", "60",
                "--out", tmp.resolve("run").toString());
        assertEquals(0, r.code, r.toString());
    }

    @Test
    void reportsAfterTheCutoffAreNotUsed() throws Exception {
        Path out = tmp.resolve("early");
        Cli c = Cli.run("calibrate", "kursk-2024", "--observations", LEDGER, "--until", "2024-11-30", "--particles", "40",
                "--generations", "2", "--out", out.toString());
        assertEquals(0, c.code, c.toString());
        String meta = Files.readString(out.resolve("meta.json"));
        assertTrue(meta.contains("\"A1\""), meta);
        assertFalse(meta.contains("\"B12a\""), "a report of 2025-01-13 is after the cut-off: " + meta);
    }

    @Test
    void agentModeCalibrates() throws Exception {
        Path out = tmp.resolve("agent");
        Cli c = Cli.run("calibrate", "kursk-2024", "--observations", LEDGER, "--mode", "agent", "--particles", "10",
                "--generations", "2", "--out", out.toString());
        assertEquals(0, c.code, c.toString());
        assertTrue(Files.readString(out.resolve("meta.json")).contains("\"mode\" : \"agent\""));
        assertEquals(11, Files.readAllLines(out.resolve("posterior.csv")).size());
    }

    @Test
    void aMalformedLedgerIsALocatedErrorAndExitOne() {
        Cli c = Cli.run("calibrate", "kursk-2024", "--observations", "../core/src/test/resources/bad-observations/bad-date.csv");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("bad-date.csv:2:"), c.err);
        assertFalse(c.err.contains("\tat "), c.err);
    }

    @Test
    void aReportNoRunCanExplainIsNamedNotSilentlyIgnored() throws Exception {
        // The shared ledger plus one row that no parameter set can produce (killed at most 0 by
        // mid-January): before, the sampler returned the prior with exit 0.
        java.nio.file.Path ledger = tmp.resolve("ledger.csv");
        String text = java.nio.file.Files.readString(java.nio.file.Path.of(LEDGER));
        text = text + (text.endsWith("\n") ? "" : "\n")
                + "Z1,2025-01-13,Test claimant,killed,upper,,0,cumulative,test,2025-01-13,impossible\n";
        java.nio.file.Files.writeString(ledger, text);
        int line = (int) text.lines().count();
        Cli c = Cli.run("calibrate", "kursk-2024", "--observations", ledger.toString(), "--particles", "40",
                "--generations", "4", "--out", tmp.resolve("cal").toString());
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("ledger.csv:" + line + ": report Z1"), c.err);
        assertTrue(c.err.contains("return the prior"), c.err);
        assertFalse(c.err.contains("\tat "), c.err);
        assertFalse(java.nio.file.Files.exists(tmp.resolve("cal").resolve("posterior.csv")), "nothing written as if it had worked");
    }
}
