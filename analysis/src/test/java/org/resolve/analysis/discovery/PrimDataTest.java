package org.resolve.analysis.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Missing outcomes, argument checks, discrete inputs and the quasi-p-value. */
class PrimDataTest {
    static final List<String> NAMES = List.of("x1", "x2");

    @Test
    void missingOutcomesAreLeftOutAndCounted() {
        SyntheticRuns runs = SyntheticRuns.of(3, 1000, p -> p[0] > 0.6 && p[2] < 0.3, 0);
        double[] y = runs.y.clone();
        int[] failed = {0, 17, 400, 401, 999};
        for (int i : failed) {
            y[i] = Double.NaN;
        }
        PrimData d = PrimData.of(SyntheticRuns.NAMES, runs.x, y);
        assertEquals(5, d.missing());
        assertEquals(995, d.size());
        assertEquals(1, d.runIndex(0), "used run 0 is given run 1");
        assertEquals(18, d.runIndex(16));
        PrimResult r = Prim.discover(d, PrimOptions.defaults());
        assertEquals(1000, r.runs());
        assertEquals(5, r.missing());
        assertEquals(995, r.used());
        assertEquals(r.boxes().get(0).trajectory().box(0).count(), 995, "shares are of the used runs");

        // The same as if the failed runs had never been given: they are not counted as non-cases.
        double[][] x2 = new double[995][];
        double[] y2 = new double[995];
        for (int i = 0, k = 0; i < 1000; i++) {
            if (!Double.isNaN(y[i])) {
                x2[k] = runs.x[i];
                y2[k++] = y[i];
            }
        }
        PrimResult r2 = Prim.discover(PrimData.of(SyntheticRuns.NAMES, x2, y2), PrimOptions.defaults());
        assertEquals(r2.boxes().get(0).box().toString(), r.boxes().get(0).box().toString());
        assertEquals(r2.boxes().get(0).trajectory().formatTradeOff(), r.boxes().get(0).trajectory().formatTradeOff());
    }

    @Test
    void anExpressionOverAFailedRunGivesAMissingOutcome() {
        OutcomeExpression e = OutcomeExpression.parse("killed > 3000 or surrendered >= 100",
                List.of("killed", "surrendered"));
        double[] killed = {4000, 10, Double.NaN, 10};
        double[] surrendered = {0, 0, 500, 100};
        double[] y = e.evaluate(Map.of("killed", killed, "surrendered", surrendered));
        assertEquals(1.0, y[0]);
        assertEquals(0.0, y[1]);
        assertTrue(Double.isNaN(y[2]), "a NaN metric makes the outcome missing, even when the other side holds");
        assertEquals(1.0, y[3]);
        PrimData d = PrimData.of(List.of("p"), new double[][] {{1}, {2}, {3}, {4}}, y);
        assertEquals(1, d.missing());
        assertEquals(2, d.cases());
    }

    /** Discrete inputs: a face moves to the next distinct value, and the bound is exact. */
    @Test
    void discreteInputs() {
        int n = 1000;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = i % 10;
            x[i][1] = (i / 10) % 4;
            y[i] = x[i][0] >= 7 ? 1 : 0;
        }
        DiscoveredBox b = Prim.discover(PrimData.of(NAMES, x, y), PrimOptions.defaults()).boxes().get(0);
        assertEquals(1, b.box().restrictions().size(), b.box().toString());
        assertEquals(7.0, b.box().restriction("x1").lower());
        assertEquals(1.0, b.box().density());
        assertEquals(1.0, b.box().coverage());
        // A face of one shared value cannot be peeled: x2 never goes below 0 or above 3.
        for (PrimBox p : b.trajectory().trajectory()) {
            assertTrue(p.lower(1) >= 0 && p.upper(1) <= 3);
        }
    }

    @Test
    void quasiPValueIsABinomialTail() {
        // 10 cases of 10 in the box, density 0.5 without the restriction: P(X >= 10) = 0.5^10.
        assertEquals(Math.pow(0.5, 10), Prim.quasiP(10, 10, 20, 10), 1e-15);
        // P(X >= 1) for Binomial(3, 0.25) = 1 - 0.75^3.
        assertEquals(1 - Math.pow(0.75, 3), Prim.quasiP(3, 1, 8, 2), 1e-15);
        assertEquals(1.0, Prim.quasiP(5, 0, 10, 3));
    }

    static Stream<Arguments> invalidOptions() {
        PrimOptions d = PrimOptions.defaults();
        return Stream.of(
                Arguments.of("peelAlpha", (Runnable) () -> d.withPeelAlpha(0)),
                Arguments.of("peelAlpha", (Runnable) () -> d.withPeelAlpha(-0.1)),
                Arguments.of("peelAlpha", (Runnable) () -> d.withPeelAlpha(0.5)),
                Arguments.of("peelAlpha", (Runnable) () -> d.withPeelAlpha(Double.NaN)),
                Arguments.of("peelAlpha", (Runnable) () -> d.withPeelAlpha(Double.POSITIVE_INFINITY)),
                Arguments.of("pasteAlpha", (Runnable) () -> d.withPasteAlpha(0)),
                Arguments.of("pasteAlpha", (Runnable) () -> d.withPasteAlpha(-1)),
                Arguments.of("pasteAlpha", (Runnable) () -> d.withPasteAlpha(Double.NaN)),
                Arguments.of("pasteAlpha", (Runnable) () -> d.withPasteAlpha(Double.POSITIVE_INFINITY)),
                Arguments.of("minMass", (Runnable) () -> d.withMinMass(0)),
                Arguments.of("minMass", (Runnable) () -> d.withMinMass(-0.05)),
                Arguments.of("minMass", (Runnable) () -> d.withMinMass(Double.NaN)),
                Arguments.of("minMass", (Runnable) () -> d.withMinMass(Double.POSITIVE_INFINITY)),
                Arguments.of("targetDensity", (Runnable) () -> d.withTargetDensity(-0.1)),
                Arguments.of("targetDensity", (Runnable) () -> d.withTargetDensity(1.1)),
                Arguments.of("targetDensity", (Runnable) () -> d.withTargetDensity(Double.NaN)),
                Arguments.of("targetDensity", (Runnable) () -> d.withTargetDensity(Double.NEGATIVE_INFINITY)),
                Arguments.of("maxBoxes", (Runnable) () -> d.withMaxBoxes(0)),
                Arguments.of("maxBoxes", (Runnable) () -> d.withMaxBoxes(-1)));
    }

    @ParameterizedTest(name = "{0} {index}")
    @MethodSource("invalidOptions")
    void invalidOptionsAreRejected(String parameter, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().startsWith(parameter), e.getMessage());
    }

    static Stream<Arguments> invalidData() {
        double[][] x = {{0, 1}, {1, 0}};
        return Stream.of(
                Arguments.of("names must name", (Runnable) () -> PrimData.of(List.of(), x, new double[] {1, 0})),
                Arguments.of("names must be distinct", (Runnable) () -> PrimData.of(List.of("a", "a"), x,
                        new double[] {1, 0})),
                Arguments.of("names must not be blank", (Runnable) () -> PrimData.of(List.of("a", " "), x,
                        new double[] {1, 0})),
                Arguments.of("x must hold", (Runnable) () -> PrimData.of(NAMES, new double[0][], new double[0])),
                Arguments.of("x[1] must have 2", (Runnable) () -> PrimData.of(NAMES, new double[][] {{0, 1}, {1}},
                        new double[] {1, 0})),
                Arguments.of("input 'x2' of run 1 is not finite", (Runnable) () -> PrimData.of(NAMES,
                        new double[][] {{0, 1}, {1, Double.NaN}}, new double[] {1, 0})),
                Arguments.of("input 'x1' of run 0 is not finite", (Runnable) () -> PrimData.of(NAMES,
                        new double[][] {{Double.POSITIVE_INFINITY, 1}, {1, 0}}, new double[] {1, 0})),
                Arguments.of("y must have one outcome per run", (Runnable) () -> PrimData.of(NAMES, x,
                        new double[] {1})),
                Arguments.of("y[1] must be 1", (Runnable) () -> PrimData.of(NAMES, x, new double[] {1, 0.5})),
                Arguments.of("y[0] must be 1", (Runnable) () -> PrimData.of(NAMES, x,
                        new double[] {Double.POSITIVE_INFINITY, 0})),
                Arguments.of("every one of the 2 outcomes is missing", (Runnable) () -> PrimData.of(NAMES, x,
                        new double[] {Double.NaN, Double.NaN})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidData")
    void invalidDataAreRejected(String message, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void inputsAreCopied() {
        double[][] x = {{0, 1}, {1, 0}, {0.5, 0.5}};
        PrimData d = PrimData.of(NAMES, x, new boolean[] {true, false, true});
        x[0][0] = 99;
        assertEquals(1.0, d.max(0));
        assertEquals(2, d.cases());
        assertEquals("[0.0, 1.0]", Arrays.toString(new double[] {d.min(1), d.max(1)}));
    }
}
