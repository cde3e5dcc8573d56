package org.resolve.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.resolve.core.ModelVersion;
import org.resolve.core.engine.AgentEngine;
import org.resolve.core.engine.AggregateEngine;
import org.resolve.core.engine.Engine;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code resolve bench}: this machine's throughput in one run, held against its own memory
 * roofline and the project's targets.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure this machine: agent mode (kursk-2024, stress-1.2m) on one core and on all,",
            "aggregate mode, a memory roofline for the agent state, and `resolve run` end to end.",
            "Figures print with their targets; --out DIR writes them to DIR/bench.csv."})
public final class BenchCommand implements Callable<Integer> {
    /** The file {@code --out} writes. */
    public static final String CSV = "bench.csv";

    @Option(names = "--quick", description = "Shorter measurements: the same figures in under a minute, noisier.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the figures to DIR/" + CSV + " (figure,value,unit).")
    Path out;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads for the all-cores figures, 1 to " + Bounds.MAX_THREADS + " (default: all cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    /** One printed and written figure; target null when the project sets none. */
    record Figure(String name, double value, String unit, String target, Boolean met) {
    }

    /** Measuring times in seconds (and run counts) of a full or a quick bench. */
    record Budget(double warmup, double measure, int stressRuns, double aggregateWarmup, double roofline, int endToEndRuns) {
        static Budget of(boolean quick) {
            return quick ? new Budget(2, 2, 1, 1, 1, 1) : new Budget(5, 10, 3, 3, 3, 3);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        int t = threads != null ? Bounds.check("--threads", threads, 1, Bounds.MAX_THREADS)
                : Math.min(Bounds.MAX_THREADS, Runtime.getRuntime().availableProcessors());
        if (out != null) {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new UserError("--out " + out + ": is a file; expected a folder to write " + CSV + " into");
            }
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UserError("--out " + out + ": cannot create the folder (" + e.getMessage() + ")");
            }
            if (!Files.isWritable(out)) {
                throw new UserError("--out " + out + ": not writable");
            }
        }
        Budget b = Budget.of(quick);
        o.printf(Locale.ROOT, "Resolve %s bench%s on %s%n", ModelVersion.get(), quick ? " (quick)" : "", MachineBench.cpu());
        o.printf(Locale.ROOT, "  %s %s (%s), %d cores available, %d threads for all-cores figures, max heap %.1f GiB%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                Runtime.getRuntime().availableProcessors(), t, Runtime.getRuntime().maxMemory() / (double) (1L << 30));
        o.flush();
        List<Figure> figures = measure(t, b, o);
        o.println();
        o.printf(Locale.ROOT, "%-58s %12s  %-22s %-10s %s%n", "figure", "value", "unit", "target", "met");
        for (Figure f : figures) {
            o.printf(Locale.ROOT, "%-58s %12s  %-22s %-10s %s%n", f.name(), format(f.value()), f.unit(),
                    f.target() == null ? "" : f.target(), f.met() == null ? "" : f.met() ? "yes" : "NO");
        }
        if (out != null) {
            Path file = out.resolve(CSV);
            write(file, figures);
            o.println();
            o.println("wrote " + file);
        }
        return 0;
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return RunCommand.human(v); // "n/a" or "not finite", never "NaN" or "Infinity"
        }
        if (v != 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-2)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static void write(Path file, List<Figure> figures) throws IOException {
        StringBuilder sb = new StringBuilder("figure,value,unit\n");
        for (Figure f : figures) {
            sb.append(f.name()).append(',');
            Csv.number(sb, f.value());
            sb.append(',').append(Csv.quote(f.unit())).append('\n');
        }
        org.resolve.store.AtomicFiles.write(file, sb.toString());
    }

    private static void step(PrintWriter o, String what) {
        o.printf(Locale.ROOT, "  measuring %s...%n", what);
        o.flush();
    }

    static List<Figure> measure(int t, Budget b, PrintWriter o) throws Exception {
        List<Figure> fs = new ArrayList<>();
        Scenario kursk = ScenarioLoader.load("kursk-2024");
        Scenario stress = ScenarioLoader.load("stress-1.2m");
        Engine agent = new AgentEngine();
        String perCore = "agent-days/s/core";

        step(o, "agent mode, kursk-2024");
        MachineBench.throughput(kursk, agent, t, t, b.warmup(), true, 1_000);
        MachineBench.Rate k1 = MachineBench.throughput(kursk, agent, 1, 1, b.measure(), true, 2_000);
        MachineBench.Rate kt = MachineBench.throughput(kursk, agent, t, t, b.measure(), true, 3_000);
        fs.add(new Figure("agent_days_per_s_per_core.kursk-2024", k1.workPerSecond(), perCore, ">= 1e8", k1.workPerSecond() >= 1e8));
        fs.add(new Figure("agent_days_per_s_per_core_all_cores.kursk-2024", kt.workPerSecond() / t, perCore, null, null));
        double speedup = kt.workPerSecond() / k1.workPerSecond();
        double speedupTarget = 0.9 * t;
        fs.add(new Figure("ensemble_speedup_all_cores", speedup, "x one core (" + t + " threads)",
                t > 1 ? String.format(Locale.ROOT, ">= %.1f", speedupTarget) : null, t > 1 ? speedup >= speedupTarget : null));

        step(o, "agent mode, stress-1.2m (1.2 million soldiers)");
        MachineBench.Rate s1 = MachineBench.throughput(stress, agent, 1, b.stressRuns(), 0, true, 4_000);
        MachineBench.Rate st = MachineBench.throughput(stress, agent, t, t * b.stressRuns(), 0, true, 5_000);
        fs.add(new Figure("agent_days_per_s_per_core.stress-1.2m", s1.workPerSecond(), perCore, null, null));
        fs.add(new Figure("agent_days_per_s_per_core_all_cores.stress-1.2m", st.workPerSecond() / t, perCore, null, null));

        step(o, "memory roofline (one read-modify-write pass over the agent state per day)");
        int stressAgents = (int) Math.round(s1.meanSent());
        double r1 = MachineBench.roofline(stressAgents, 1, b.roofline(), false);
        double rt = MachineBench.roofline(stressAgents, t, b.roofline(), false);
        double rk = MachineBench.roofline((int) Math.round(k1.meanSent()), 1, b.roofline(), false);
        double scalar = MachineBench.roofline(stressAgents, 1, b.roofline(), true);
        fs.add(new Figure("roofline_agent_days_per_s_per_core.stress-1.2m", r1, perCore, null, null));
        fs.add(new Figure("roofline_ratio.stress-1.2m", s1.workPerSecond() / r1, "engine / roofline", ">= 0.3",
                s1.workPerSecond() / r1 >= 0.3));
        fs.add(new Figure("roofline_agent_days_per_s_per_core_all_cores.stress-1.2m", rt, perCore, null, null));
        fs.add(new Figure("roofline_ratio_all_cores.stress-1.2m", st.workPerSecond() / t / rt, "engine / roofline", null, null));
        fs.add(new Figure("roofline_agent_days_per_s_per_core.kursk-2024", rk, perCore, null, null));
        fs.add(new Figure("roofline_ratio.kursk-2024", k1.workPerSecond() / rk, "engine / roofline", null, null));
        fs.add(new Figure("scalar_pass_agent_days_per_s_per_core.stress-1.2m", scalar, perCore + " (context)", null, null));
        fs.add(new Figure("scalar_pass_ratio.stress-1.2m", s1.workPerSecond() / scalar, "engine / scalar pass", null, null));

        step(o, "aggregate mode, kursk-2024");
        Engine aggregate = new AggregateEngine(Engine.DEFAULT_BINS);
        String runs = "runs of " + kursk.days() + " days/s/core";
        MachineBench.throughput(kursk, aggregate, t, t, b.aggregateWarmup(), false, 6_000);
        MachineBench.Rate a1 = MachineBench.throughput(kursk, aggregate, 1, 1, b.measure(), false, 7_000);
        MachineBench.Rate at = MachineBench.throughput(kursk, aggregate, t, t, b.measure(), false, 8_000);
        fs.add(new Figure("aggregate_runs_per_s_per_core", a1.workPerSecond(), runs, ">= 2e5", a1.workPerSecond() >= 2e5));
        fs.add(new Figure("aggregate_runs_per_s_per_core_all_cores", at.workPerSecond() / t, runs, null, null));

        step(o, "`resolve run` defaults end to end (a fresh JVM, store and CSV included)");
        double[] walls = new double[b.endToEndRuns()];
        for (int i = 0; i < walls.length; i++) {
            walls[i] = MachineBench.endToEnd(RunCommand.DEFAULT_REPLICATIONS);
        }
        Arrays.sort(walls);
        double wall = walls[walls.length / 2];
        fs.add(new Figure("run_defaults_wall_s", wall, "s (median of " + walls.length + ")", "< 30", wall < 30));
        fs.add(new Figure("run_defaults_replications_per_s", RunCommand.DEFAULT_REPLICATIONS / wall, "replications/s", null, null));

        fs.add(new Figure("cores", Runtime.getRuntime().availableProcessors(), "available processors", null, null));
        fs.add(new Figure("threads", t, "threads for all-cores figures", null, null));
        fs.add(new Figure("heap_max_bytes", Runtime.getRuntime().maxMemory(), "bytes", null, null));
        fs.add(new Figure("java_feature_version", Runtime.version().feature(), "version", null, null));
        return fs;
    }
}
