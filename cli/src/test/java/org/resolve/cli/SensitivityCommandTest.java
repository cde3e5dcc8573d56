package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code resolve sensitivity} end to end on the aggregate engine (deterministic given parameters). */
class SensitivityCommandTest {
    @TempDir
    Path tmp;

    @Test
    void sobolRanksTheKillShareFirstForKilledAndTheRegimeShareFirstForRevenue() throws Exception {
        Path out = tmp.resolve("sobol");
        Cli c = Cli.run("sensitivity", "kursk-2024", "--method", "sobol", "--n", "64", "--days", "200",
                "--outputs", "killed,regime_revenue_usd", "--resamples", "100", "--out", out.toString());
        assertEquals(0, c.code, c.toString());
        List<String> rows = Files.readAllLines(out.resolve("sensitivity.csv"));
        assertEquals("metric,method,index,factor,other,value,ci_low,ci_high,n_used,n_excluded,mu,sigma", rows.get(0));
        assertEquals("casualty.kill_share", top(rows, "killed", "ST"));
        assertEquals("regime_share", top(rows, "regime_revenue_usd", "ST"));
        // A parameter the outcome cannot depend on has a total index of zero.
        for (String r : rows) {
            if (r.startsWith("killed,sobol,ST,reprisal.probability,")) {
                assertEquals(0.0, Double.parseDouble(r.split(",")[5]), 1e-12, r);
            }
        }
    }

    @Test
    void morrisScreensAndGroupsAreOneFactor() throws Exception {
        Path out = tmp.resolve("morris");
        Cli c = Cli.run("sensitivity", "kursk-2024", "--method", "morris", "--n", "6", "--days", "150",
                "--outputs", "killed", "--group", "fighting=attrition.hazard,attrition.opponent_strength",
                "--out", out.toString());
        assertEquals(0, c.code, c.toString());
        List<String> rows = Files.readAllLines(out.resolve("sensitivity.csv"));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("killed,morris,mu_star,fighting,")), String.join("\n", rows));
        assertTrue(rows.stream().noneMatch(r -> r.contains(",attrition.hazard,")), "grouped parameters are not separate factors");
    }

    @Test
    void badGroupIsAOneLineError() {
        Cli c = Cli.run("sensitivity", "kursk-2024", "--method", "morris", "--group", "x=regime_shar");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("did you mean 'regime_share'"), c.err);
    }

    private static String top(List<String> rows, String metric, String index) {
        String best = null;
        double bestV = Double.NEGATIVE_INFINITY;
        for (String r : rows.subList(1, rows.size())) {
            String[] f = r.split(",");
            if (f[0].equals(metric) && f[2].equals(index) && Double.parseDouble(f[5]) > bestV) {
                bestV = Double.parseDouble(f[5]);
                best = f[3];
            }
        }
        return best;
    }
}
