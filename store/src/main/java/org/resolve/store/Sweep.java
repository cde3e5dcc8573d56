package org.resolve.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.resolve.analysis.RunPlan;
import org.resolve.analysis.RunSpec;
import org.resolve.core.ModelVersion;
import org.resolve.core.scenario.Scenario;

/**
 * What defines a sweep: the scenario, the run plan and the engine settings, with the model
 * version. Its {@link #id()} is a digest of exactly these, so running the same command again finds
 * the same sweep in the store and resumes it, while any change that could change a result gives a
 * new sweep. The thread count, the command line and the time are recorded but are not part of the
 * id.
 */
public final class Sweep {
    private final Scenario scenario;
    private final RunPlan plan;
    private final EngineSpec engine;
    private final String modelVersion;
    private final String commandLine;
    private final String planDigest;
    private final String id;

    private Sweep(Scenario scenario, RunPlan plan, EngineSpec engine, String modelVersion, String commandLine) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
        this.commandLine = commandLine == null ? "" : commandLine;
        this.planDigest = digestPlan(plan);
        this.id = sha256(definition()).substring(0, 16);
    }

    /**
     * @param scenario the scenario the plan was made for (its horizon and attrition law included)
     * @param plan the runs
     * @param engine the engine settings
     * @param commandLine how the sweep was started, for the record (may be null)
     * @return the sweep, at the running model version ({@link ModelVersion#get()})
     */
    public static Sweep of(Scenario scenario, RunPlan plan, EngineSpec engine, String commandLine) {
        return new Sweep(scenario, plan, engine, ModelVersion.get(), commandLine);
    }

    /**
     * The canonical text the id is a digest of: scenario hash, model version, engine settings,
     * design, root seed, plan size, horizon and a digest of every (run index, seed, parameter
     * values) of the plan.
     *
     * @return the text, one {@code key=value} per line
     */
    public String definition() {
        return "resolve-sweep/1\n"
                + "scenario_hash=" + scenario.hash() + '\n'
                + "model_version=" + modelVersion + '\n'
                + "engine=" + engine.describe() + '\n'
                + "design=" + plan.design() + '\n'
                + "root_seed=" + plan.rootSeed() + '\n'
                + "runs=" + plan.size() + '\n'
                + "days=" + scenario.days() + '\n'
                + "plan=" + planDigest + '\n';
    }

    /** @return the sweep id: 16 hex digits of the SHA-256 of {@link #definition()} */
    public String id() {
        return id;
    }

    /** @return the scenario */
    public Scenario scenario() {
        return scenario;
    }

    /** @return the plan */
    public RunPlan plan() {
        return plan;
    }

    /** @return the engine settings */
    public EngineSpec engine() {
        return engine;
    }

    /** @return the model version the sweep is run with */
    public String modelVersion() {
        return modelVersion;
    }

    /** @return the command line, or "" */
    public String commandLine() {
        return commandLine;
    }

    /** @return the SHA-256 of the plan's runs (index, seed and the bits of every parameter value) */
    public String planDigest() {
        return planDigest;
    }

    private static String digestPlan(RunPlan plan) {
        MessageDigest md = sha256();
        ByteBuffer buf = ByteBuffer.allocate(1 << 12);
        for (RunSpec r : plan.runs()) {
            double[] p = r.parameters();
            if (buf.remaining() < 16 + 8 * p.length) {
                md.update(buf.flip());
                buf.clear();
                if (buf.remaining() < 16 + 8 * p.length) {
                    buf = ByteBuffer.allocate(16 + 8 * p.length);
                }
            }
            buf.putInt(r.runIndex()).putInt(p.length).putLong(r.seed());
            for (double v : p) {
                buf.putLong(Double.doubleToLongBits(v));
            }
        }
        md.update(buf.flip());
        return HexFormat.of().formatHex(md.digest());
    }

    private static String sha256(String s) {
        return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "sweep " + id + " (" + scenario.id() + ", " + engine.describe() + ", " + plan.size() + " runs)";
    }
}
