package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code resolve discover}: PRIM over a Latin hypercube of kursk-2024 (aggregate mode, deterministic). */
class DiscoverCommandTest {
    @TempDir
    Path tmp;

    @Test
    void highDeathTollsComeFromTheHighKillShareEstimates() throws Exception {
        Path out = tmp.resolve("d");
        Cli c = Cli.run("discover", "kursk-2024", "--outcome", "killed > 2500", "--n", "1000", "--days", "365",
                "--out", out.toString());
        assertEquals(0, c.code, c.toString());
        List<String> rows = Files.readAllLines(out.resolve("discover.csv"));
        String kill = rows.stream().filter(r -> r.contains(",casualty.kill_share,")).findFirst().orElse(null);
        assertTrue(kill != null, "the kill share is restricted: " + rows);
        String[] f = kill.split(",");
        double lower = Double.parseDouble(f[5]);
        // The mixture's two sourced estimates are 0.08-0.15 (South Korea) and 0.4-0.66 (Ukraine):
        // the box keeps the upper one.
        assertTrue(lower > 0.15 && lower < 0.66, "lower bound of the kill share: " + lower);
        assertEquals("true", f[7]);
        assertTrue(Double.parseDouble(f[2]) >= 0.8, "density " + f[2]);
        assertTrue(Double.parseDouble(f[1]) >= 0.5, "coverage " + f[1]);
        assertTrue(c.out.contains("coverage/density trade-off"), c.out);
        // Losses by exposure: a long offensive is part of the story too.
        assertTrue(rows.stream().anyMatch(r -> r.contains(",operation.offensive_days,")), "the offensive's length: " + rows);
    }

    @Test
    void aBadOutcomeIsAOneLineErrorWithASuggestion() {
        Cli c = Cli.run("discover", "kursk-2024", "--outcome", "kiled > 5000", "--n", "50");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("did you mean 'killed'"), c.err);
        assertFalse(c.err.contains("\tat "), c.err);
    }
}
