package org.resolve.core.engine.process;

import org.apache.commons.rng.UniformRandomProvider;
import org.resolve.core.engine.Agents;
import org.resolve.core.engine.Cohorts;
import org.resolve.core.engine.Process;
import org.resolve.core.engine.RunStreams;
import org.resolve.core.engine.Sector;
import org.resolve.core.model.Param;

/**
 * 11. Families: the family of each soldier who died today (killed, died of wounds, self-killed)
 * is valorised; each soldier who came home today is greeted as a hero; the family of each soldier
 * captured, surrendered or deserted today is punished with the reprisal probability.
 */
public final class Families implements Process {
    @Override
    public String name() {
        return "families";
    }

    @Override
    public void agents(Sector s, Agents a, RunStreams r) {
        s.valorised += s.todayDeaths;
        s.honoured += s.todayRotated;
        int taken = (int) Math.round(s.todayTaken);
        double p = s.get(Param.REPRISAL_PROBABILITY);
        UniformRandomProvider rng = r.families;
        for (int i = 0; i < taken; i++) {
            if (rng.nextDouble() < p) {
                s.punished++;
            }
        }
    }

    @Override
    public void cohorts(Sector s, Cohorts c) {
        s.valorised += s.todayDeaths;
        s.honoured += s.todayRotated;
        s.punished += s.todayTaken * s.get(Param.REPRISAL_PROBABILITY);
    }
}
