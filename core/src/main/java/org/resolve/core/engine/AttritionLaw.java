package org.resolve.core.engine;

import java.util.Locale;

/**
 * Lanchester's laws of attrition (Lanchester 1916), each solved exactly over one day with the
 * day's coefficients held constant, so the daily trajectory lies on the continuous solution.
 *
 * <p>B is the deployed force at the front, U the opponent's effective strength; {@code a} is the
 * opponent's fire on B, {@code b} B's fire on U (both already multiplied by the day's intensity,
 * exposure and effectiveness).
 * <ul>
 *   <li>square (aimed fire): dB/dt = -a U, dU/dt = -b B; invariant b B^2 - a U^2</li>
 *   <li>linear (area fire): dB/dt = -a U B, dU/dt = -b U B; invariant b B - a U</li>
 *   <li>logarithmic (losses from one's own exposure): dB/dt = -a B, dU/dt = -b U</li>
 * </ul>
 */
public enum AttritionLaw {
    SQUARE {
        @Override
        public void step(double b0, double u0, double a, double b, double t, double[] out) {
            if (a <= 0 || b <= 0 || b0 <= 0 || u0 <= 0) {
                out[0] = Math.max(0, b0 - a * u0 * t);
                out[1] = Math.max(0, u0 - b * b0 * t);
                if (out[0] == 0 && a > 0 && u0 > 0 && b > 0) {
                    out[1] = Math.max(0, u0 - b * b0 * (b0 / (a * u0)));
                }
                return;
            }
            double k = Math.sqrt(a * b);
            double ra = Math.sqrt(a / b);
            double c = StrictMath.cosh(k * t);
            double s = StrictMath.sinh(k * t);
            double bt = b0 * c - ra * u0 * s;
            double ut = u0 * c - b0 * s / ra;
            if (bt < 0) {
                // B is annihilated within the step; U keeps what the invariant leaves it.
                out[0] = 0;
                out[1] = Math.sqrt(Math.max(0, u0 * u0 - (b / a) * b0 * b0));
            } else if (ut < 0) {
                out[0] = Math.sqrt(Math.max(0, b0 * b0 - (a / b) * u0 * u0));
                out[1] = 0;
            } else {
                out[0] = bt;
                out[1] = ut;
            }
        }
    },
    LINEAR {
        @Override
        public void step(double b0, double u0, double a, double b, double t, double[] out) {
            if (b0 <= 0 || u0 <= 0 || (a <= 0 && b <= 0)) {
                out[0] = Math.max(0, b0);
                out[1] = Math.max(0, u0);
                return;
            }
            if (a <= 0) {
                out[0] = b0;
                out[1] = u0 * StrictMath.exp(-b * b0 * t);
                return;
            }
            if (b <= 0) {
                out[0] = b0 * StrictMath.exp(-a * u0 * t);
                out[1] = u0;
                return;
            }
            double c = b * b0 - a * u0; // invariant
            // dB/dt = c B - b B^2 (logistic); B(t) = B0 / (e^{-ct} + b B0 (1 - e^{-ct}) / c)
            double x = -c * t;
            double frac = Math.abs(c) < 1e-300 ? t : -StrictMath.expm1(x) / c;
            double bt = b0 / (StrictMath.exp(x) + b * b0 * frac);
            out[0] = bt;
            out[1] = Math.max(0, (b * bt - c) / a);
        }
    },
    LOGARITHMIC {
        @Override
        public void step(double b0, double u0, double a, double b, double t, double[] out) {
            out[0] = Math.max(0, b0) * StrictMath.exp(-a * t);
            out[1] = Math.max(0, u0) * StrictMath.exp(-b * t);
        }
    };

    /**
     * Converts the opponent's coefficient from square-law units (casualties per day per opposing
     * soldier) to this law's, so that at the reference state (B = bRef, U = uRef) every law gives
     * the deployed force the same per-soldier hazard a uRef / bRef.
     *
     * @param a the coefficient in square-law units
     * @param bRef the deployed force's reference size (the planned force), > 0
     * @param uRef the opponent's reference strength (its initial strength), > 0
     * @return the coefficient for this law
     */
    public double scaleA(double a, double bRef, double uRef) {
        return switch (this) {
            case SQUARE -> a;
            case LINEAR -> a / bRef;
            case LOGARITHMIC -> a * uRef / bRef;
        };
    }

    /**
     * Converts the deployed force's coefficient likewise: at the reference state every law gives
     * the opponent the per-soldier hazard b bRef / uRef.
     *
     * @param b the coefficient in square-law units
     * @param bRef the deployed force's reference size, > 0
     * @param uRef the opponent's reference strength, > 0
     * @return the coefficient for this law
     */
    public double scaleB(double b, double bRef, double uRef) {
        return switch (this) {
            case SQUARE -> b;
            case LINEAR -> b / uRef;
            case LOGARITHMIC -> b * bRef / uRef;
        };
    }

    /**
     * Advances both forces by {@code t} days with constant coefficients.
     *
     * @param b0 deployed force at the start, >= 0
     * @param u0 opponent strength at the start, >= 0
     * @param a opponent's coefficient, >= 0
     * @param b deployed force's coefficient, >= 0
     * @param t time in days, >= 0
     * @param out receives {B(t), U(t)}, both >= 0
     */
    public abstract void step(double b0, double u0, double a, double b, double t, double[] out);

    /** @return the name used in scenario files and on the command line */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param key a name @return the law, or null */
    public static AttritionLaw byKey(String key) {
        for (AttritionLaw l : values()) {
            if (l.key().equals(key)) {
                return l;
            }
        }
        return null;
    }
}
