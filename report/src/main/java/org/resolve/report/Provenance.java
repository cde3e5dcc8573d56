package org.resolve.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Distribution;
import org.resolve.core.scenario.ParameterSpec;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.Source;

/**
 * Where each parameter of a scenario comes from: its value or distribution, and the evidence it
 * cites (claimant, date, publication, quote) or the assumption it rests on with its reason.
 */
public final class Provenance {
    private Provenance() {
    }

    /**
     * One cited source.
     *
     * @param id the source's id in the scenario
     * @param claimant who made the claim (empty when the id is not in the scenario's sources)
     * @param date when (ISO date)
     * @param publication where it was published
     * @param quote a short quote
     * @param reliability a note on how far to trust it
     */
    public record Evidence(String id, String claimant, String date, String publication, String quote, String reliability) {
    }

    /**
     * One parameter.
     *
     * @param key its name in scenario files and outputs
     * @param description what it means
     * @param unit its unit
     * @param value its value, or its distribution ({@link Distribution#describe()})
     * @param uncertain whether it has a distribution rather than a value
     * @param components for a mixture of conflicting estimates, one line per component
     *     ("0.5 x uniform(0.08, 0.15): label"); empty otherwise
     * @param evidence the sources it cites, its mixture components' included, in order, each once
     * @param assumption whether it is (also) an assumption
     * @param reason the assumption's reason, or the empty string
     * @param note the scenario's remark on it, or the empty string
     */
    public record Row(String key, String description, String unit, String value, boolean uncertain, List<String> components,
                      List<Evidence> evidence, boolean assumption, String reason, String note) {
        /** Copies the lists. */
        public Row {
            components = List.copyOf(components);
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * @param scenario a scenario
     * @return one row per catalogue parameter ({@link Param}), in catalogue order
     */
    public static List<Row> rows(Scenario scenario) {
        List<Row> out = new ArrayList<>();
        for (Param p : Param.values()) {
            ParameterSpec s = scenario.spec(p);
            if (s == null) {
                continue;
            }
            Set<String> ids = new LinkedHashSet<>(s.provenance().evidence());
            List<String> components = new ArrayList<>();
            if (s.distribution() instanceof Distribution.Mixture m) {
                for (Distribution.Component c : m.components()) {
                    ids.addAll(c.evidence());
                    components.add(Format.sig(c.weight()) + " x " + c.distribution().describe()
                            + (c.label() == null || c.label().isBlank() ? "" : ": " + c.label()));
                }
            }
            List<Evidence> evidence = new ArrayList<>();
            for (String id : ids) {
                Source src = scenario.sources().get(id);
                evidence.add(src == null ? new Evidence(id, "", "", "", "", "")
                        : new Evidence(id, nz(src.claimant()), nz(src.date()), nz(src.publication()), nz(src.quote()), nz(src.reliability())));
            }
            out.add(new Row(p.key(), p.description(), s.unit() == null ? p.unit() : s.unit(), s.distribution().describe(),
                    !s.distribution().fixed(), components, evidence, s.provenance().assumption(), nz(s.provenance().reason()), nz(s.note())));
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
