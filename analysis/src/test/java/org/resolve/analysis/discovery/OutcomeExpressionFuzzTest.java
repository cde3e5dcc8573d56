package org.resolve.analysis.discovery;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resolve.core.engine.Metric;

/**
 * Fuzz target (Jazzer) for the outcome-expression parser of {@code resolve discover --outcome}:
 * any text, against the metric names the command allows, either parses or is refused with the
 * documented user error, an {@link IllegalArgumentException} with a message. Anything else thrown
 * (a StackOverflowError on deep parentheses, …) fails the target. An expression that parses reads
 * only allowed metrics, compares with finite numbers only (a literal such as {@code 1e999} that
 * overflows to infinity must be refused), and evaluates to 0 or 1 for finite metric values and to
 * NaN (missing) when a metric it reads is NaN.
 *
 * <p>In {@code ./mvnw verify} it runs in regression mode over the seed corpus in
 * {@code src/test/resources/org/resolve/analysis/discovery/OutcomeExpressionFuzzTestInputs/parse/};
 * {@code -Pfuzz} fuzzes it (docs/VALIDATION.md, "Fuzzing").
 */
class OutcomeExpressionFuzzTest {
    private static final List<String> METRICS = Arrays.stream(Metric.values()).map(Metric::key).toList();
    /** A number literal as the grammar reads it, not inside a metric name. */
    private static final Pattern LITERAL = Pattern.compile("(?<![\\w.])[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        OutcomeExpression e;
        try {
            e = OutcomeExpression.parse(text, METRICS);
        } catch (IllegalArgumentException ex) {
            if (ex.getMessage() == null || ex.getMessage().isBlank()) {
                throw new AssertionError("an IllegalArgumentException without a message", ex);
            }
            return;
        }
        if (!METRICS.containsAll(e.metrics()) || e.metrics().isEmpty()) {
            throw new AssertionError("'" + text + "' reads " + e.metrics());
        }
        Matcher m = LITERAL.matcher(text);
        while (m.find()) {
            if (!Double.isFinite(Double.parseDouble(m.group()))) {
                throw new AssertionError("'" + text + "' parses, with the literal " + m.group() + " read as infinity");
            }
        }
        for (double v : new double[] {0, 1, -1e300, 1e300}) {
            double out = e.evaluate(k -> v);
            if (out != 0 && out != 1) {
                throw new AssertionError("'" + text + "' evaluates to " + out + " for metrics all " + v);
            }
        }
        if (!Double.isNaN(e.evaluate(k -> Double.NaN))) {
            throw new AssertionError("'" + text + "' is not missing when its metrics are");
        }
    }
}
