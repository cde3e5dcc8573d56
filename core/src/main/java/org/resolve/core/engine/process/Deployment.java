package org.resolve.core.engine.process;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.resolve.core.engine.Agents;
import org.resolve.core.engine.Cohorts;
import org.resolve.core.engine.LoyaltyStrata;
import org.resolve.core.engine.Process;
import org.resolve.core.engine.RunStreams;
import org.resolve.core.engine.Schedule;
import org.resolve.core.engine.Sector;
import org.resolve.core.model.Param;
import org.resolve.core.model.Status;
import org.resolve.core.model.UnitType;

/**
 * 1. Deployment: waves leave on their date, arrive after the transit days, and are ready after
 * the training days.
 *
 * <p>Who goes, and why. A candidate drawn from the unit type's pool is undernourished (hunger 1) with
 * the unit type's share, else fed (hunger 0), and volunteers with
 * P = sigmoid(b0 + bL loyalty + bS status gain + bH hunger + bP pay appeal + bO curiosity), where the
 * pay appeal 1 - exp(-wage x (1 - regime share) / pay scale) counts only the pay he actually keeps.
 * A non-volunteer is sent anyway with the coercion share, otherwise replaced by the next candidate
 * while the pool lasts, so the motives set who is sent: the less loyal a candidate, the more his
 * going depends on pay, food and status, and the coerced are the least loyal. A soldier sent without
 * volunteering leaves with more doubt ({@code doubt.coerced}) than a volunteer ({@code doubt.initial}).
 * Those sent are told they will fight with the informed share. Their loyalty and hunger then act on what they decide in
 * theatre (capture, desertion, shirking).
 */
public final class Deployment implements Process {
    private static final int TRANSIT = Status.TRANSIT.ordinal();
    private static final int TRAINING = Status.TRAINING.ordinal();
    private static final int RESERVE = Status.RESERVE.ordinal();

    @Override
    public String name() {
        return "deployment";
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        Schedule sch = s.schedule;
        double[] p = s.p;
        UniformRandomProvider rng = r.deployment;
        for (int w = 0; w < sch.waves; w++) {
            if (sch.depart[w] != s.day) {
                continue;
            }
            UnitType ut = sch.type[w];
            int size = (int) Math.round(sch.replacement[w] ? s.draftSize[w] : sch.plannedSize[w]);
            ContinuousSampler ls = r.loyalty[ut.ordinal()];
            if (ls == null) {
                ls = beta(rng, p[ut.loyaltyMean().ordinal()], p[Param.LOYALTY_CONCENTRATION.ordinal()]);
                r.loyalty[ut.ordinal()] = ls;
            }
            double hungry = p[ut.undernourished().ordinal()];
            double base = volunteerBase(p);
            double bl = p[Param.VOLUNTEER_LOYALTY.ordinal()];
            double bh = p[Param.VOLUNTEER_HUNGER.ordinal()];
            double coercion = p[Param.COERCION_SHARE.ordinal()];
            double informed = p[Param.INFORMED_SHARE.ordinal()];
            double d0 = p[Param.DOUBT_INITIAL.ordinal()];
            double dc = p[Param.DOUBT_COERCED.ordinal()];
            int sent = 0;
            while (sent < size && s.pool[ut.ordinal()] >= 1) {
                s.pool[ut.ordinal()] -= 1;
                s.candidates += 1;
                double l = ls.sample();
                double h = rng.nextDouble() < hungry ? 1 : 0;
                double pv = Sector.sigmoid(base + bl * l + bh * h);
                double u = rng.nextDouble();
                boolean inf = rng.nextDouble() < informed;
                boolean volunteered = u < pv;
                if (volunteered) {
                    s.volunteers += 1;
                } else if (u < pv + (1 - pv) * coercion) {
                    s.coerced += 1;
                } else {
                    continue; // replaced by the next candidate
                }
                a.add(w, l, h, volunteered ? d0 : dc, inf);
                sent++;
            }
            s.sent[w] = sent;
            s.sentTotal += sent;
        }
        for (int w = 0; w < sch.waves; w++) {
            boolean arrives = sch.arrive[w] == s.day && s.sent[w] > 0;
            boolean ready = sch.ready[w] == s.day && s.sent[w] > 0;
            if (!arrives && !ready) {
                continue;
            }
            for (int i = 0; i < a.n; i++) {
                if (a.wave[i] != w) {
                    continue;
                }
                if (arrives && a.status[i] == TRANSIT) {
                    a.move(i, TRAINING);
                }
                if (ready && a.status[i] == TRAINING) {
                    a.move(i, RESERVE);
                }
            }
        }
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        Schedule sch = s.schedule;
        double[] p = s.p;
        for (int w = 0; w < sch.waves; w++) {
            if (sch.depart[w] != s.day) {
                continue;
            }
            UnitType ut = sch.type[w];
            double size = sch.replacement[w] ? s.draftSize[w] : sch.plannedSize[w];
            LoyaltyStrata ls = c.strata(p, ut);
            double pool = s.pool[ut.ordinal()];
            double needed = ls.acceptance > 0 ? size / ls.acceptance : Double.POSITIVE_INFINITY;
            double drawn = Math.min(pool, needed);
            double sent = Math.min(size, drawn * ls.acceptance);
            s.pool[ut.ordinal()] -= drawn;
            s.candidates += drawn;
            double volShare = ls.acceptance > 0 ? ls.volunteering / ls.acceptance : 0;
            s.volunteers += sent * volShare;
            s.coerced += sent * (1 - volShare);
            s.sent[w] = sent;
            s.sentTotal += sent;
            double informed = p[Param.INFORMED_SHARE.ordinal()];
            double d0 = p[Param.DOUBT_INITIAL.ordinal()];
            double dc = p[Param.DOUBT_COERCED.ordinal()];
            for (int b = 0; b < c.bins; b++) {
                double doubt = d0 + ls.coerced[b] * (dc - d0); // the bin's mean doubt at departure
                for (int f = 0; f < 2; f++) {
                    int st = c.stratum(w, b, f, 0);
                    c.loyalty[st] = ls.loyalty[b];
                    c.hunger0[st] = ls.hunger[b];
                    c.loyalty[st + 1] = ls.loyalty[b];
                    c.hunger0[st + 1] = ls.hunger[b];
                    double m = sent * ls.share[b] * (f == 1 ? informed : 1 - informed);
                    int idx = st * Cohorts.LIVING + Cohorts.TRANSIT;
                    c.mass[idx] += m;
                    c.dmass[idx] += m * doubt;
                }
            }
            if (sent > 0) {
                c.activate(w);
            }
        }
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            boolean arrives = sch.arrive[w] == s.day;
            boolean ready = sch.ready[w] == s.day;
            if (!arrives && !ready) {
                continue;
            }
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st++) {
                int base = st * Cohorts.LIVING;
                if (arrives) {
                    c.move(base + Cohorts.TRANSIT, base + Cohorts.TRAINING);
                }
                if (ready) {
                    c.move(base + Cohorts.TRAINING, base + Cohorts.RESERVE);
                }
            }
        }
    }

    /**
     * The part of a candidate's volunteering log-odds that is the same for every candidate.
     *
     * @param p the run's parameter values
     * @return b0 + bS status gain + bP pay appeal + bO curiosity
     */
    public static double volunteerBase(double[] p) {
        return p[Param.VOLUNTEER_INTERCEPT.ordinal()]
                + p[Param.VOLUNTEER_STATUS.ordinal()] * p[Param.MOTIVE_STATUS_GAIN.ordinal()]
                + p[Param.VOLUNTEER_PAY.ordinal()] * payAppeal(p)
                + p[Param.VOLUNTEER_OUTSIDE.ordinal()] * p[Param.MOTIVE_CURIOSITY.ordinal()];
    }

    /**
     * @param p the run's parameter values
     * @return the appeal of the pay a soldier keeps, 1 - exp(-wage x (1 - regime share) / pay scale), in [0, 1)
     */
    public static double payAppeal(double[] p) {
        double kept = p[Param.WAGE.ordinal()] * (1 - p[Param.REGIME_SHARE.ordinal()]);
        return -StrictMath.expm1(-kept / p[Param.MOTIVE_PAY_SCALE.ordinal()]);
    }

    private static ContinuousSampler beta(UniformRandomProvider rng, double mean, double conc) {
        if (mean <= 0 || mean >= 1) {
            double v = mean <= 0 ? 0 : 1;
            return () -> v;
        }
        return ChengBetaSampler.of(rng, mean * conc, (1 - mean) * conc);
    }
}
