package org.resolve.analysis.sensitivity;

import java.util.function.ToDoubleFunction;
import org.resolve.analysis.design.Design;

/** Analytic test functions of points in the unit hypercube, with their known indices. */
final class TestFunctions {
    private TestFunctions() {
    }

    /** Ishigami and Homma (1990) with a = 7, b = 0.1, inputs uniform on [-pi, pi). */
    static final double ISHIGAMI_A = 7;
    static final double ISHIGAMI_B = 0.1;

    static double ishigami(double[] u) {
        double x1 = Math.PI * (2 * u[0] - 1);
        double x2 = Math.PI * (2 * u[1] - 1);
        double x3 = Math.PI * (2 * u[2] - 1);
        return Math.sin(x1) + ISHIGAMI_A * Math.sin(x2) * Math.sin(x2) + ISHIGAMI_B * Math.pow(x3, 4) * Math.sin(x1);
    }

    /** @return {V, V1, V2, V3, V13} of Ishigami's function, analytically */
    static double[] ishigamiVariances() {
        double a = ISHIGAMI_A;
        double b = ISHIGAMI_B;
        double pi4 = Math.pow(Math.PI, 4);
        double pi8 = pi4 * pi4;
        double v1 = 0.5 * Math.pow(1 + b * pi4 / 5, 2);
        double v2 = a * a / 8;
        // V13 = b^2 pi^8 (1/18 - 1/50): E[x3^8] - E[x3^4]^2 with x3 uniform on [-pi, pi], times 1/2.
        double v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        return new double[] {v, v1, v2, 0, v13};
    }

    /** Sobol's G function: prod (|4u - 2| + a_i) / (1 + a_i). */
    static double g(double[] a, double[] u) {
        double p = 1;
        for (int i = 0; i < a.length; i++) {
            p *= (Math.abs(4 * u[i] - 2) + a[i]) / (1 + a[i]);
        }
        return p;
    }

    /** @return {S1 (d), ST (d)} of the G function, analytically */
    static double[][] gIndices(double[] a) {
        int d = a.length;
        double[] vi = new double[d];
        double prod = 1;
        for (int i = 0; i < d; i++) {
            vi[i] = 1 / (3 * (1 + a[i]) * (1 + a[i]));
            prod *= 1 + vi[i];
        }
        double v = prod - 1;
        double[] s1 = new double[d];
        double[] st = new double[d];
        for (int i = 0; i < d; i++) {
            s1[i] = vi[i] / v;
            st[i] = vi[i] * (prod / (1 + vi[i])) / v;
        }
        return new double[][] {s1, st};
    }

    /** @return f at every row of the design */
    static double[] evaluate(Design d, ToDoubleFunction<double[]> f) {
        double[] y = new double[d.size()];
        for (int r = 0; r < y.length; r++) {
            y[r] = f.applyAsDouble(d.point(r));
        }
        return y;
    }
}
