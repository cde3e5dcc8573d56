package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolve.core.ModelVersion;
import org.resolve.core.engine.Metric;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.ScenarioLoader;

/** {@code resolve run} end to end, in-process: files, determinism across threads, protection of results. */
class RunCommandTest {

    @TempDir
    Path tmp;

    private Path run(String name, String... extra) {
        Path out = tmp.resolve(name);
        String[] base = {"run", "--replications", "6", "--days", "120", "--seed", "99", "--out", out.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        Cli c = Cli.run(args);
        assertEquals(0, c.code, c.toString());
        return out;
    }

    private static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "aggregate"})
    void identicalResultsOnOneTwoAndFourThreads(String mode) throws Exception {
        Path one = run("t1-" + mode, "--mode", mode, "--threads", "1");
        Path two = run("t2-" + mode, "--mode", mode, "--threads", "2");
        Path four = run("t4-" + mode, "--mode", mode, "--threads", "4");
        for (String f : List.of("runs.csv", "series.csv", "kpis.csv")) {
            assertEquals(sha(one.resolve(f)), sha(two.resolve(f)), f + " differs between 1 and 2 threads");
            assertEquals(sha(one.resolve(f)), sha(four.resolve(f)), f + " differs between 1 and 4 threads");
        }
    }

    @Test
    void writesTidyFilesAndMeta() throws Exception {
        Path out = run("files");
        List<String> series = Files.readAllLines(out.resolve("series.csv"));
        assertEquals("sweep_id,run_index,day,metric,value", series.get(0));
        assertEquals(1 + 6 * 120 * Metric.COUNT, series.size(), "one row per run, day and metric");
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(7, runs.size());
        String[] header = runs.get(0).split(",");
        assertEquals(6 + Param.values().length, header.length);
        assertEquals("sweep_id", header[0]);
        assertEquals("run_index", header[1]);
        assertEquals("seed", header[2]);
        assertEquals("status", header[3]);
        assertEquals(Param.values()[0].key(), header[6]);
        List<String> kpis = Files.readAllLines(out.resolve("kpis.csv"));
        assertEquals(1 + 6 * Metric.COUNT, kpis.size());
        JsonNode meta = new ObjectMapper().readTree(out.resolve("meta.json").toFile());
        assertEquals(ScenarioLoader.load("kursk-2024").with(Map.of(), 120).hash(), meta.get("scenario_hash").asText());
        assertEquals(ModelVersion.get(), meta.get("model_version").asText());
        assertEquals(99, meta.get("root_seed").asLong());
        assertEquals(meta.get("sweep_id").asText(), runs.get(1).split(",")[0]);
        assertTrue(Files.exists(out.resolve(RunCommand.STORE)));
        List<String> sweep = Files.readAllLines(out.resolve("sweep.csv"));
        assertTrue(sweep.get(0).contains("scenario_hash") && sweep.get(0).contains("model_version"), sweep.get(0));
        assertTrue(sweep.get(1).contains(meta.get("scenario_hash").asText()), sweep.get(1));
        assertEquals("agent", meta.get("mode").asText());
        assertTrue(meta.get("command_line").asText().startsWith("resolve run"));
        assertFalse(Files.exists(out.resolve("series.csv.partial")));
    }

    @Test
    void differentReplicationsDiffer() throws Exception {
        Path out = run("differ");
        Map<Integer, Map<String, String>> byRun = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("kpis.csv")).subList(1, 1 + 6 * Metric.COUNT)) {
            String[] f = line.split(",");
            byRun.computeIfAbsent(Integer.parseInt(f[1]), k -> new TreeMap<>()).put(f[2], f[3]);
        }
        assertNotEquals(byRun.get(0).get("killed"), byRun.get(1).get("killed"));
        assertNotEquals(byRun.get(0), byRun.get(1));
    }

    @Test
    void refusesToOverwriteResultsAndLeavesThemIntact() throws Exception {
        Path out = run("keep");
        String before = sha(out.resolve("series.csv"));
        Cli again = Cli.run("run", "--replications", "2", "--days", "10", "--out", out.toString());
        assertEquals(Main.INVALID_INPUT, again.code, again.toString());
        assertTrue(again.err.contains("already holds results"), again.err);
        assertFalse(again.err.contains("Exception"), again.err);
        assertEquals(before, sha(out.resolve("series.csv")));
    }

    @Test
    void resumeOfACompleteRunRunsNothingAndKeepsTheResults() throws Exception {
        Path out = run("resume");
        String before = sha(out.resolve("series.csv"));
        Cli again = Cli.run("run", "--replications", "6", "--days", "120", "--seed", "99", "--out", out.toString(), "--resume");
        assertEquals(0, again.code, again.toString());
        assertTrue(again.err.contains("6 of 6 runs stored, 0 to run"), again.err);
        assertEquals(before, sha(out.resolve("series.csv")));
    }

    @Test
    void resumeOfADifferentSweepIsRefused() throws Exception {
        Path out = run("other");
        Cli again = Cli.run("run", "--replications", "6", "--days", "120", "--seed", "98", "--out", out.toString(), "--resume");
        assertEquals(Main.INVALID_INPUT, again.code, again.toString());
        assertTrue(again.err.contains("holds a different sweep"), again.err);
        Cli none = Cli.run("run", "--replications", "2", "--out", tmp.resolve("empty").toString(), "--resume");
        assertEquals(Main.INVALID_INPUT, none.code, none.toString());
        assertTrue(none.err.contains("holds no results store"), none.err);
    }

    @Test
    void designsOtherThanMonteCarloCoverEachParameterRange() throws Exception {
        Path out = run("lhs", "--design", "lhs", "--mode", "aggregate");
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        int col = 6 + Param.REGIME_SHARE.ordinal();
        assertEquals(7, runs.size());
        java.util.Set<String> values = new java.util.TreeSet<>();
        for (String line : runs.subList(1, runs.size())) {
            values.add(line.split(",")[col]);
        }
        assertEquals(6, values.size(), "a Latin hypercube gives every run its own stratum");
    }

    @Test
    void badOverridesAreOneLineErrors() {
        Cli c = Cli.run("run", "--replications", "1", "--days", "5", "--out", tmp.resolve("x").toString(),
                "--set", "regime_shar=0.5");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("did you mean 'regime_share'"), c.err);
        Cli range = Cli.run("run", "--replications", "1", "--days", "5", "--out", tmp.resolve("y").toString(),
                "--set", "regime_share=1.5");
        assertEquals(Main.INVALID_INPUT, range.code, range.toString());
        assertTrue(range.err.contains("probability in [0, 1]"), range.err);
        assertFalse(range.err.contains("\tat "), "no stack trace");
    }

    /**
     * Issue 13, item 4: a --set value goes through the checks the same value gets in a scenario
     * file. These two once ran (Java reads them as numbers) although a file holding them is refused.
     */
    @ParameterizedTest
    @ValueSource(strings = {"regime_share=0.5d", "regime_share=0x1p-1"})
    void aSetValueAScenarioFileWouldRefuseIsRefusedAtTheSettingAndNothingIsWritten(String setting) {
        Path out = tmp.resolve("refused");
        Cli c = Cli.run("run", "--replications", "1", "--days", "5", "--out", out.toString(), "--set", "casualty.kill_share=0.2",
                "--set", setting);
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        String value = setting.substring(setting.indexOf('=') + 1);
        assertEquals("--set " + setting + ": parameters.regime_share.value: wrong type: '" + value + "'; expected a number\n"
                + "1 problem(s) found.\n", c.err.replace("\r\n", "\n"));
        assertFalse(Files.exists(out), "no results for a refused run");
    }

    @Test
    void everyBadSettingIsReportedAtOnceEachAtItsSetting() {
        Cli c = Cli.run("run", "--replications", "1", "--days", "5", "--out", tmp.resolve("w").toString(),
                "--set", "wounded.return_per_day=1", "--set", "wounded.died_per_day=1", "--set", "wounded.repatriated_share=1.5");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("--set wounded.return_per_day=1: parameters.wounded.return_per_day: unknown key"), c.err);
        assertTrue(c.err.contains("--set wounded.died_per_day=1: parameters.wounded.died_per_day: unknown key"), c.err);
        assertTrue(c.err.contains("--set wounded.repatriated_share=1.5: parameters.wounded.repatriated_share.value: value 1.5 out of range"),
                c.err);
        assertTrue(c.err.contains("3 problem(s) found."), c.err);
        assertFalse(Files.exists(tmp.resolve("w")));
    }

    @Test
    void unknownScenarioIsALocatedErrorWithASuggestion() {
        Cli c = Cli.run("run", "kursk-2042", "--replications", "1", "--out", tmp.resolve("z").toString());
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("did you mean 'kursk-2024'"), c.err);
        assertFalse(c.err.contains("\tat "), "no stack trace");
    }

    @Test
    void overridesAreApplied() throws IOException {
        Path out = run("set", "--set", "regime_share=0.25");
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        int col = 6 + Param.REGIME_SHARE.ordinal();
        for (String line : runs.subList(1, runs.size())) {
            assertEquals("0.25", line.split(",")[col]);
        }
    }

    /**
     * Issue 13, item 9: a wage of 1e308 ran, printed "InfinityB" and wrote inf to kpis.csv with the
     * runs marked ok. Such a wage is now refused with its bound before anything runs, in --set and
     * in a scenario file alike (the engines also fail any run whose outputs are not finite:
     * NonFiniteOutputTest in core).
     */
    @Test
    void aWageSoLargeItsBillOverflowsIsRefusedWithItsBound() throws IOException {
        Cli c = Cli.run("run", "--mode", "aggregate", "--replications", "2", "--days", "30", "--out", tmp.resolve("w").toString(),
                "--set", "wage_usd_per_month=1e308");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        // --set values get the scenario file's checks, located at the setting (issue 13, item 4)
        assertTrue(c.err.startsWith("--set wage_usd_per_month=1e308: parameters.wage_usd_per_month.value: value 1e308 out of range; "
                + "expected a number >= 0 and <= 1,000,000"), c.err);
        assertFalse(Files.exists(tmp.resolve("w")), "nothing ran");
        Cli ok = Cli.run("run", "--mode", "aggregate", "--replications", "2", "--days", "30", "--out", tmp.resolve("w2").toString(),
                "--set", "wage_usd_per_month=1e6");
        assertEquals(0, ok.code, "the bound itself is allowed: " + ok);
        assertFalse(ok.out.contains("Infinity") || ok.out.contains("NaN"), ok.out);
        for (String row : Files.readAllLines(tmp.resolve("w2").resolve("kpis.csv"))) {
            assertFalse(row.contains("inf") || row.contains("nan"), row);
        }
        Path file = Files.writeString(tmp.resolve("rich.yaml"), "resolve: 1\nid: rich\nextends: kursk-2024\nparameters:\n"
                + "  wage_usd_per_month:\n    value: 1.0e308\n    unit: USD/month\n    assumption: true\n    reason: what if\n");
        Cli v = Cli.run("validate", file.toString());
        assertEquals(Main.INVALID_INPUT, v.code, v.toString());
        assertTrue(v.err.contains("rich.yaml:6:12: parameters.wage_usd_per_month.value: value 1e308 out of range; "
                + "expected a number >= 0 and <= 1,000,000"), v.err);
    }

    /** Durations in days are bounded too: a window of 1e308 days overflowed the engines' day arithmetic. */
    @Test
    void aDurationBeyondACenturyIsRefusedWithItsBound() {
        Cli c = Cli.run("run", "--mode", "aggregate", "--replications", "2", "--days", "30", "--out", tmp.resolve("d").toString(),
                "--set", "withdrawal.window_days=1e308");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("expected a number >= 0 and <= 36,500"), c.err);
    }

    /** The table's formatter never prints "Infinity" or "NaN". */
    @Test
    void theFormatterSaysNotFiniteRatherThanInfinity() {
        assertEquals("not finite", RunCommand.human(Double.POSITIVE_INFINITY));
        assertEquals("not finite", RunCommand.human(Double.NEGATIVE_INFINITY));
        assertEquals("n/a", RunCommand.human(Double.NaN));
        assertEquals("not finite", org.resolve.report.Format.signed(Double.POSITIVE_INFINITY));
        assertEquals("not finite", org.resolve.report.Format.index(Double.NEGATIVE_INFINITY));
        assertEquals("not finite", org.resolve.report.Format.sig(Double.POSITIVE_INFINITY));
        assertEquals("1.00B", RunCommand.human(1e9));
    }
}
