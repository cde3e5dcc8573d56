package org.resolve.analysis.calibration;

import java.time.LocalDate;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;

/** Runs made up for tests: metric m on day d is {@code (m.ordinal() + 1) * (1000 + d)}, so every value is distinct. */
final class SyntheticRuns {
    static final LocalDate START = LocalDate.of(2024, 10, 1);

    private SyntheticRuns() {
    }

    static double f(Metric m, int day) {
        return (m.ordinal() + 1) * (1000.0 + day);
    }

    static double[][] series(int days) {
        double[][] s = new double[Metric.COUNT][days];
        for (Metric m : Metric.values()) {
            for (int d = 0; d < days; d++) {
                s[m.ordinal()][d] = f(m, d);
            }
        }
        return s;
    }

    static RunResult run(int days) {
        return new RunResult(0, 42L, new double[0], series(days));
    }

    /** @return a run where every metric is {@code value} on every day */
    static RunResult constant(int days, double value) {
        double[][] s = new double[Metric.COUNT][days];
        for (double[] row : s) {
            java.util.Arrays.fill(row, value);
        }
        return new RunResult(0, 42L, new double[0], s);
    }
}
