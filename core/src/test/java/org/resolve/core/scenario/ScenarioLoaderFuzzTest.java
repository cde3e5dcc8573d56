package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target (Jazzer) for the scenario loader: any text, as a file given on the command line
 * would be read ({@link ScenarioLoader#fromText(String, String, Path)}, not confined to a folder,
 * {@code extends} resolved from an empty folder), either loads or is refused with the documented
 * user error, a {@link ScenarioException} with at least one located problem. Anything else thrown
 * (a StackOverflowError, an OutOfMemoryError, an IllegalArgumentException, …) fails the target.
 * A scenario that loads must be usable: every parameter's quantiles at a few probabilities are
 * finite, within the distribution's stated bounds and non-decreasing (within each component of a
 * mixture), as {@link Distribution} promises.
 *
 * <p>In {@code ./mvnw verify} it runs in regression mode over the seed corpus in
 * {@code src/test/resources/org/resolve/core/scenario/ScenarioLoaderFuzzTestInputs/loadText/}
 * (valid scenarios and the hostile inputs of issue 13); {@code -Pfuzz} fuzzes it
 * (docs/VALIDATION.md, "Fuzzing").
 */
class ScenarioLoaderFuzzTest {
    /** Probabilities in [0, 1) at which every loaded parameter is sampled. */
    private static final double[] U = {0, 1e-12, 0.001, 0.25, 0.5, 0.75, 0.999, 1 - 0x1p-53};
    private static final Path BASE = emptyFolder();

    @FuzzTest(maxDuration = "60s")
    void loadText(byte[] input) {
        check(new String(input, StandardCharsets.UTF_8));
    }

    /**
     * An 8 MB quoted scalar (issue 13: it took 18 s to be refused) is too large for a corpus file,
     * so it is generated here and given to the same check, which must end in a bounded time (a
     * hang guard, not a benchmark: the bound is generous).
     */
    @Test
    void anEightMegabyteQuotedScalarIsRefusedInBoundedTime() {
        String text = "resolve: 1\nid: big\ntitle: \"" + "a".repeat(8 << 20) + "\"\n";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(text));
    }

    static void check(String text) {
        Scenario sc;
        try {
            sc = ScenarioLoader.fromText("fuzz.yaml", text, BASE);
        } catch (ScenarioException e) {
            if (e.problems().isEmpty() || e.problems().stream().anyMatch(p -> p.location() == null)) {
                throw new AssertionError("a ScenarioException without located problems: " + e.problems());
            }
            return;
        }
        for (ParameterSpec s : sc.parameters().values()) {
            checkQuantiles(s.param().key(), s.distribution());
        }
        sc.hash();
    }

    /**
     * Quantiles finite and within the stated bounds; non-decreasing except across a mixture's
     * components (a mixture maps u to a component by cumulative weight, then rescales it, so it
     * is monotone within each component only: its components are checked one by one).
     */
    private static void checkQuantiles(String name, Distribution d) {
        if (d instanceof Distribution.Mixture m) {
            for (Distribution.Component c : m.components()) {
                checkQuantiles(name + " (component " + c.distribution().describe() + ")", c.distribution());
            }
        }
        double prev = Double.NEGATIVE_INFINITY;
        for (double u : U) {
            double v = d.quantile(u);
            double slack = 1e-12 * Math.max(1, Math.max(Math.abs(d.lower()), Math.abs(d.upper())));
            boolean ordered = d instanceof Distribution.Mixture || v >= prev;
            if (!Double.isFinite(v) || !ordered || v < d.lower() - slack || v > d.upper() + slack) {
                throw new AssertionError(name + " = " + d.describe() + " validates, but its quantile at " + u + " is " + v
                        + " (previous " + prev + ", bounds [" + d.lower() + ", " + d.upper() + "])");
            }
            prev = v;
        }
    }

    private static Path emptyFolder() {
        try {
            Path p = Files.createTempDirectory("scenario-fuzz");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
