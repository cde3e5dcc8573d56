package org.resolve.core.engine;

import java.util.Locale;

/**
 * Lanchester's laws of attrition (Lanchester 1916), each solved exactly over one day with the
 * day's coefficients held constant, so the daily trajectory lies on the continuous solution.
 *
 * <p>B is the deployed force in the sector, U the opponent's effective strength; {@code a} is the
 * opponent's fire on B, {@code b} B's fire on U (both already multiplied by the day's intensity,
 * exposure and effectiveness). The linear law (area fire: drones and artillery on soldiers it can
 * see) gives each exposed soldier the same hazard, so losses grow with the number exposed; the
 * square law (aimed fire) caps them at what the opponent's shooters can aim; the logarithmic law
 * ignores the opponent's strength. {@link #opponentCoefficient} and {@link #ownCoefficient} put all
 * three in the same units.
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
     * The opponent's coefficient for this law, from the per-soldier hazard it implies at the
     * reference state. Every law gives an exposed soldier the daily hazard {@code hazard} when the
     * opponent is at full strength {@code u0} and {@code reference} soldiers are exposed; away from
     * it the laws differ as Lanchester's do (per-soldier hazard: square a U / B, linear a U,
     * logarithmic a). No coefficient depends on the size of the deployed force.
     *
     * @param hazard daily casualty probability of one exposed soldier at the reference state, 1/day
     * @param reference the reference number of exposed soldiers (attrition.reference_force), > 0
     * @param u0 the opponent's full strength, soldiers (values below 1 are taken as 1)
     * @return a in this law's units: square 1/day (casualties per opposing soldier), linear
     *     1/(soldier day), logarithmic 1/day
     */
    public double opponentCoefficient(double hazard, double reference, double u0) {
        double u = Math.max(1, u0);
        return switch (this) {
            case SQUARE -> hazard * reference / u;
            case LINEAR -> hazard / u;
            case LOGARITHMIC -> hazard;
        };
    }

    /**
     * The deployed force's coefficient likewise: every law has one fighting soldier inflict
     * {@code killRate} casualties a day on the opponent at full strength when {@code reference}
     * soldiers fight.
     *
     * @param killRate opponent casualties per fighting soldier per day at the reference state
     * @param reference the reference number of soldiers, > 0
     * @param u0 the opponent's full strength (values below 1 are taken as 1)
     * @return b in this law's units
     */
    public double ownCoefficient(double killRate, double reference, double u0) {
        double u = Math.max(1, u0);
        return switch (this) {
            case SQUARE -> killRate;
            case LINEAR -> killRate / u;
            case LOGARITHMIC -> killRate * reference / u;
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
