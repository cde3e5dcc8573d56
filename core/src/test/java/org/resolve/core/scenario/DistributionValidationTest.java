package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per invalid distribution input. Each row puts one distribution into the minimal
 * scenario (as the value of {@code surrender.intercept}, a coefficient on the whole real line, so
 * only the distribution itself can be wrong); {@code ^} marks where the problem must be reported
 * and is removed before loading.
 */
class DistributionValidationTest {
    private static final String LINE = "    distribution: {type: normal, mean: -1.0, sd: 0.5}\n";
    private static final String SUBJECT = "parameters.surrender.intercept.distribution";
    private static final String C1 = "{weight: 1, evidence: [obs-D4], distribution: {type: fixed, value: 1}}";

    static Stream<Arguments> invalid() {
        return Stream.of(
                // uniform
                row("^{type: uniform, low: 0.3}", ".high", "missing field 'high' for a uniform distribution"),
                row("{type: uniform, low: ^0.9, high: 0.3}", ".low", "lower bound 0.9 is above the upper bound 0.3"),
                row("{type: uniform, low: ^.nan, high: 0.3}", ".low", "not a finite number: .nan"),
                row("{type: uniform, low: 0, high: ^-.inf}", ".high", "not a finite number: -.inf"),
                row("{type: uniform, low: ^'zero', high: 1}", ".low", "wrong type: 'zero'"),
                row("{type: uniform, low: 0, high: 1, ^mode: 0.5}", ".mode", "'mode' does not apply to a uniform distribution"),
                // triangular
                row("{type: triangular, low: 1, mode: ^0, high: 2}", ".mode", "mode 0 outside [1, 2]"),
                row("{type: triangular, low: 1, mode: ^3, high: 2}", ".mode", "mode 3 outside [1, 2]"),
                row("{type: triangular, low: ^3, mode: 2, high: 1}", ".low", "lower bound 3 is above the upper bound 1"),
                row("^{type: triangular, low: 1, high: 2}", ".mode", "missing field 'mode' for a triangular distribution"),
                // normal
                row("{type: normal, mean: 0, sd: ^0}", ".sd", "spread 0 is not positive"),
                row("{type: normal, mean: 0, sd: ^-1}", ".sd", "spread -1 is not positive"),
                row("{type: normal, mean: 0, sd: ^.NaN}", ".sd", "not a finite number: .NaN"),
                row("{type: normal, mean: ^1e999, sd: 1}", ".mean", "not a finite number: 1e999"),
                row("{type: normal, mean: 0, sd: 1, low: ^1, high: 1}", ".low", "lower bound 1 is not below the upper bound 1"),
                row("{type: normal, mean: 0, sd: 1, low: ^2, high: 1}", ".low", "lower bound 2 is not below the upper bound 1"),
                row("^{type: normal, sd: 1}", ".mean", "missing field 'mean' for a normal distribution"),
                row("{type: normal, mean: 0, ^stdev: 1}", ".stdev", "unknown key 'stdev'"),
                row("{type: normal, mean: 0, sd: 1, ^sigma: 2}", ".sigma", "'sigma' does not apply to a normal distribution"),
                // lognormal
                row("{type: lognormal, median: ^0, sigma: 1}", ".median", "median 0 is not positive"),
                row("{type: lognormal, median: ^-2, sigma: 1}", ".median", "median -2 is not positive"),
                row("{type: lognormal, median: 1, sigma: ^0}", ".sigma", "spread 0 is not positive"),
                row("{type: lognormal, median: 1, sigma: ^-0.5}", ".sigma", "spread -0.5 is not positive"),
                row("{type: lognormal, ^mean: 1, sigma: 1, median: 1}", ".mean", "'mean' does not apply to a lognormal distribution (did you mean 'median'?)"),
                // beta
                row("{type: beta, alpha: ^0, beta: 2}", ".alpha", "shape 0 is not positive"),
                row("{type: beta, alpha: ^-1, beta: 2}", ".alpha", "shape -1 is not positive"),
                row("{type: beta, alpha: 2, beta: ^0}", ".beta", "shape 0 is not positive"),
                row("{type: beta, alpha: 2, beta: 2, low: ^1, high: 0}", ".low", "lower bound 1 is above the upper bound 0"),
                // numerically unusable (issue 13, items 6 and 9): refused at load, never a bound,
                // a constant or a failure in the middle of a run
                row("{type: beta, alpha: ^1e300, beta: 2}", ".alpha", "shape 1e300 is outside [0.001, 1000000000]"),
                row("{type: beta, alpha: ^1e-300, beta: 2}", ".alpha", "shape 1e-300 is outside [0.001, 1000000000]"),
                row("{type: beta, alpha: 2, beta: ^2e9}", ".beta", "shape 2000000000 is outside [0.001, 1000000000]"),
                row("^{type: beta, alpha: 2, beta: 2, low: -1e308, high: 1e308}", "", "the range [-1e308, 1e308] is too wide"),
                row("{type: lognormal, median: 1, sigma: 0.1, low: ^100, high: 200}", ".low",
                        "truncation window [100, 200] holds probability 0 (less than double precision can hold) under lognormal(median 1, sigma 0.1)"),
                row("{type: normal, mean: 0, sd: 1, low: ^10, high: 11}", ".low", "truncation window [10, 11] holds probability 7.6"),
                row("{type: normal, mean: 0, sd: 1, high: ^-40}", ".high", "holds probability 0"),
                row("{type: normal, mean: 0, sd: 1, low: ^0, high: 1e-12}", ".low", "[0, 1e-12] holds probability 3.9"),
                row("^{type: uniform, low: -1e308, high: 1e308}", "", "the range [-1e308, 1e308] is too wide for double precision"),
                row("^{type: triangular, low: -1e308, mode: 0, high: 1e308}", "", "the range [-1e308, 1e308] is too wide"),
                row("^{type: normal, mean: 1, sd: 1e-300}", "", "normal(1, 1e-300) gives 1 at every probability"),
                row("^{type: lognormal, median: 1, sigma: 1e-300}", "", "gives 1 at every probability"),
                row("^{type: normal, mean: 0, sd: 1e308}", "", "cannot be sampled in double precision: at probability 0 it gives -Infinity"),
                row("{type: mixture, components: [" + C1.replace("{type: fixed, value: 1}", "{type: beta, alpha: ^1e300, beta: 2}") + "]}",
                        ".components[0].distribution.alpha", "shape 1e300 is outside"),
                // fixed and the type itself
                row("^{type: fixed}", ".value", "missing field 'value' for a fixed distribution"),
                row("{type: ^gaussian, mean: 0, sd: 1}", ".type", "unknown value 'gaussian'"),
                row("{type: ^Normal, mean: 0, sd: 1}", ".type", "unknown value 'Normal' (did you mean 'normal'?)"),
                row("^{mean: 0, sd: 1}", "", "missing field 'type'"),
                // mixture
                row("{type: mixture, components: ^[" + C1.replace("weight: 1", "weight: 0.5") + ", "
                        + C1.replace("weight: 1", "weight: 0.6") + "]}", ".components", "weights add up to 1.1"),
                row("{type: mixture, components: [" + C1 + ", " + C1.replace("weight: 1", "weight: ^0") + "]}",
                        ".components[1].weight", "weight 0 is not positive"),
                row("{type: mixture, components: [" + C1.replace("weight: 1", "weight: 1.5") + ", "
                        + C1.replace("weight: 1", "weight: ^-0.5") + "]}", ".components[1].weight", "weight -0.5 is not positive"),
                row("{type: mixture, components: [^{weight: 1, distribution: {type: fixed, value: 1}}]}",
                        ".components[0].evidence", "a mixture component without evidence"),
                row("{type: mixture, components: [" + C1.replace("[obs-D4]", "[^obs-D44]") + "]}",
                        ".components[0].evidence", "unknown evidence id 'obs-D44' (did you mean 'obs-D4'?)"),
                row("{type: mixture, components: [^{evidence: [obs-D4], distribution: {type: fixed, value: 1}}]}",
                        ".components[0]", "missing field 'weight'"),
                row("{type: mixture, components: [" + C1.replace("{type: fixed, value: 1}", "{type: uniform, low: ^2, high: 1}") + "]}",
                        ".components[0].distribution.low", "lower bound 2 is above the upper bound 1"),
                row("^{type: mixture}", ".components", "missing field 'components'"),
                row("{type: mixture, components: ^[]}", ".components", "too few items"));
    }

    private static Arguments row(String marked, String subjectSuffix, String problem) {
        return Arguments.of(marked, subjectSuffix, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void isReportedWhereItIsWritten(String marked, String subjectSuffix, String problem) {
        int marker = marked.indexOf('^');
        assertTrue(marker >= 0 && marked.indexOf('^', marker + 1) < 0, "exactly one ^ per row");
        String line = "    distribution: " + marked + "\n";
        int column = line.indexOf('^') + 1;
        String text = TestScenarios.minimalWith(LINE, line.replace("^", ""));
        int lineNo = TestScenarios.lineOf(text, "  surrender.intercept:") + 1;

        List<Problem> problems = TestScenarios.problems("dist.yaml", text);
        Problem p = problems.get(0);
        assertAll(marked,
                () -> assertEquals(1, problems.size(), () -> "one mistake, one problem: " + problems),
                () -> assertEquals(new Location("dist.yaml", lineNo, column), p.location(), () -> "location of: " + p),
                () -> assertEquals(SUBJECT + subjectSuffix, p.subject(), () -> "subject of: " + p),
                () -> assertTrue(p.problem().contains(problem), () -> "'" + problem + "' not in: " + p));
    }
}
