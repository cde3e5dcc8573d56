package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.analysis.RunPlan;
import org.resolve.analysis.RunSpec;
import org.resolve.core.engine.AgentEngine;
import org.resolve.core.engine.Metric;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;

/**
 * {@code resolve bench}: the figures it must print and write, how it counts work, and its errors.
 * No assertion on speed: performance is measured, not unit-tested.
 */
class BenchCommandTest {
    @TempDir
    Path tmp;

    static final List<String> REQUIRED = List.of("agent_days_per_s_per_core.kursk-2024",
            "agent_days_per_s_per_core.stress-1.2m", "roofline_ratio.stress-1.2m", "aggregate_runs_per_s_per_core",
            "ensemble_speedup_all_cores", "agent_days_per_s_per_core_all_cores.kursk-2024",
            "agent_days_per_s_per_core_all_cores.stress-1.2m", "roofline_agent_days_per_s_per_core.stress-1.2m",
            "run_defaults_replications_per_s", "cores", "heap_max_bytes");

    @Test
    void quickBenchWritesEveryFigureConsistently() throws Exception {
        Cli c = Cli.run("bench", "--quick", "--out", tmp.toString());
        assertEquals(0, c.code, c.toString());
        assertTrue(c.out.contains("cores available") && c.out.contains("max heap"), c.out);
        List<String> lines = Files.readAllLines(tmp.resolve(BenchCommand.CSV));
        assertEquals("figure,value,unit", lines.get(0));
        Map<String, Double> v = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 3);
            assertEquals(3, f.length, line);
            assertTrue(f[2].startsWith("\"") && f[2].endsWith("\""), "unit quoted: " + line);
            assertFalse(v.containsKey(f[0]), "duplicate figure " + f[0]);
            v.put(f[0], Double.parseDouble(f[1]));
        }
        for (String name : REQUIRED) {
            assertTrue(v.containsKey(name), name + " missing from " + v.keySet());
            assertTrue(Double.isFinite(v.get(name)) && v.get(name) > 0, name + " = " + v.get(name));
            assertTrue(c.out.contains(name), name + " not printed");
        }
        // Ratios are what they say they are.
        assertEquals(v.get("agent_days_per_s_per_core.stress-1.2m") / v.get("roofline_agent_days_per_s_per_core.stress-1.2m"),
                v.get("roofline_ratio.stress-1.2m"), 1e-9 * v.get("roofline_ratio.stress-1.2m"));
        double threads = v.get("threads");
        assertEquals(v.get("agent_days_per_s_per_core_all_cores.kursk-2024") * threads
                / v.get("agent_days_per_s_per_core.kursk-2024"), v.get("ensemble_speedup_all_cores"), 1e-9 * threads);
        assertEquals(BenchCommand.CSV, Files.list(tmp).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                .findFirst().orElseThrow());
    }

    @Test
    void throughputCountsEachRunsOwnSoldiers() throws Exception {
        Scenario sc = ScenarioLoader.load("kursk-2024").with(Map.of(), 30);
        MachineBench.Rate r = MachineBench.throughput(sc, new AgentEngine(), 2, 2, 0, true, 77);
        assertEquals(2, r.runs());
        double sent = 0;
        for (RunSpec spec : RunPlan.monteCarlo(sc, 77, 2).runs()) {
            sent += new AgentEngine().run(sc, spec.parameters(), spec.seed(), spec.runIndex()).kpi(Metric.SENT);
        }
        assertEquals(sent / 2, r.meanSent(), 1e-9);
        assertEquals(sent * 30 / r.seconds(), r.workPerSecond(), 1e-6 * r.workPerSecond());
    }

    @Test
    void rooflinePassesTouchEveryElement() throws Exception {
        MachineBench.Roofline a = new MachineBench.Roofline(1000);
        MachineBench.Roofline b = new MachineBench.Roofline(1000);
        // The vectorisable and the scalar pass do the same work on every element.
        double before = a.checksum();
        for (int d = 0; d < 5; d++) {
            a.pass(d);
            b.scalarPass(d);
        }
        assertEquals(a.checksum(), b.checksum(), 1e-9 * Math.abs(a.checksum()));
        assertTrue(Math.abs(a.checksum() - before) > 1000 * 5, "every element changed");
        assertTrue(MachineBench.roofline(1000, 1, 0.05, false) > 0);
        assertTrue(MachineBench.roofline(1000, 2, 0.05, true) > 0);
    }

    @Test
    void badOptionsAreOneLineErrors() throws Exception {
        Cli c = Cli.run("bench", "--threads", "0");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("--threads must be between 1 and " + Bounds.MAX_THREADS + ", not 0"), c.err);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Cli f = Cli.run("bench", "--quick", "--out", file.toString());
        assertEquals(Main.INVALID_INPUT, f.code, f.toString());
        assertEquals(1, f.err.strip().lines().count(), f.err);
        assertTrue(f.err.contains("is a file"), f.err);
        assertEquals("x", Files.readString(file));
    }
}
