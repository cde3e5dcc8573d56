package org.resolve.core.engine.process;

import org.resolve.core.engine.Agents;
import org.resolve.core.engine.Cohorts;
import org.resolve.core.engine.Process;
import org.resolve.core.engine.RunStreams;
import org.resolve.core.engine.Sector;
import org.resolve.core.model.Param;
import org.resolve.core.model.Status;

/**
 * 10. Money: each soldier in the host country (training, front, reserve, wounded) earns
 * wage / 30 a day; the regime keeps its share and the soldier the rest, so wages = regime
 * revenue + soldiers' earnings every day.
 */
public final class Money implements Process {
    @Override
    public String name() {
        return "money";
    }

    static void pay(Sector s, double inTheatre) {
        double wages = inTheatre * s.get(Param.WAGE) / 30.0;
        double regime = wages * s.get(Param.REGIME_SHARE);
        s.wages += wages;
        s.regimeRevenue += regime;
        s.soldierEarnings += wages - regime;
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        pay(s, a.count(Status.TRAINING) + a.count(Status.FRONT) + a.count(Status.RESERVE) + a.count(Status.WOUNDED));
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        double sum = 0;
        int step = c.step();
        for (int k = 0; k < c.activeCount; k++) {
            int w = c.activeWaves[k];
            for (int st = w * c.perWave; st < (w + 1) * c.perWave; st += step) {
                int base = st * Cohorts.LIVING;
                sum += c.mass[base + Cohorts.TRAINING] + c.mass[base + Cohorts.FRONT] + c.mass[base + Cohorts.RESERVE]
                        + c.mass[base + Cohorts.WOUNDED];
            }
        }
        pay(s, sum);
    }
}
