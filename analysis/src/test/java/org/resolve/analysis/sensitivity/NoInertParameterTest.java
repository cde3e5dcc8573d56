package org.resolve.analysis.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolve.analysis.KpiSummary;
import org.resolve.analysis.RunSpec;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.engine.RunResult;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;

/**
 * No inert mechanism: a Morris screening (20 trajectories, 4 levels, aggregate mode) over every
 * uncertain parameter of kursk-2024 and of kursk-2024-persuasion; each parameter must move at least
 * one headline outcome by a mean absolute elementary effect (mu*) of at least 1% of that outcome's
 * mean over the design, or be listed in docs/PARAMETERS.md under "Parameters that move no headline
 * outcome" with the reason. The aggregate mode is deterministic and the screening's design is
 * seeded, so the test gives the same answer every run; it cannot fail by chance, only by a
 * mechanism going inert, or by a listed parameter that moves an outcome in every screened scenario
 * (then it is no longer bookkeeping and must leave the list).
 */
class NoInertParameterTest {
    static final double THRESHOLD = 0.01;

    static List<String> inert(String id) throws Exception {
        Scenario sc = ScenarioLoader.load(id);
        SensitivityStudy study = SensitivityStudy.create(sc, SensitivityStudy.Method.MORRIS, 20, 4, false, Map.of(),
                20_241_008L, true);
        Engine engine = Engine.of(Mode.AGGREGATE).kpisOnly();
        List<Metric> outcomes = KpiSummary.HEADLINE;
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Metric m : outcomes) {
            values.put(m.key(), new double[study.plan().size()]);
        }
        for (RunSpec run : study.plan().runs()) {
            RunResult r = engine.run(sc, run.parameters(), run.seed(), run.runIndex());
            for (Metric m : outcomes) {
                values.get(m.key())[run.runIndex()] = r.kpi(m);
            }
        }
        SensitivityStudy.Results res = study.analyse(values, new SensitivityOptions(0.95, 200, 1L, 0.1));
        Map<String, Double> best = new LinkedHashMap<>();
        for (MorrisResult mr : res.morris()) {
            double mean = 0;
            for (double v : values.get(mr.metric())) {
                mean += Math.abs(v) / study.plan().size();
            }
            for (MorrisEffect e : mr.effects()) {
                double rel = mean > 0 ? e.muStar() / mean : 0;
                best.merge(e.factor(), rel, Math::max);
            }
        }
        List<String> out = new ArrayList<>();
        System.out.println("no-inert screening of " + id + ": largest mu* / mean over the headline outcomes");
        for (Map.Entry<String, Double> e : best.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-40s %.4f%n", e.getKey(), e.getValue());
            if (e.getValue() < THRESHOLD) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    static List<String> listedAsBookkeeping() throws Exception {
        String md = Files.readString(Path.of("../docs/PARAMETERS.md"), StandardCharsets.UTF_8);
        int at = md.indexOf("## Parameters that move no headline outcome");
        List<String> keys = new ArrayList<>();
        if (at < 0) {
            return keys;
        }
        String section = md.substring(at);
        int next = section.indexOf("\n## ", 5);
        section = next > 0 ? section.substring(0, next) : section;
        for (String line : section.split("\n")) {
            if (line.startsWith("| `")) {
                keys.add(line.substring(3, line.indexOf('`', 3)));
            }
        }
        return keys;
    }

    @Test
    void everyUncertainParameterMovesAHeadlineOutcomeOrIsDocumentedAsBookkeeping() throws Exception {
        List<String> listed = listedAsBookkeeping();
        List<String> inertSomewhere = new ArrayList<>();
        for (String id : List.of("kursk-2024", "kursk-2024-persuasion")) {
            List<String> inert = inert(id);
            inertSomewhere.addAll(inert);
            List<String> unexplained = new ArrayList<>(inert);
            unexplained.removeAll(listed);
            assertEquals(List.of(), unexplained, id + ": uncertain parameters that move no headline outcome by 1% and are not"
                    + " listed as bookkeeping in docs/PARAMETERS.md");
        }
        List<String> alive = new ArrayList<>(listed);
        alive.removeAll(inertSomewhere);
        assertEquals(List.of(), alive, "listed in docs/PARAMETERS.md as moving no headline outcome, but moves one in every"
                + " screened scenario");
    }
}
