package org.resolve.core.scenario;

import java.util.List;

/**
 * Where a number comes from: evidence ids from the scenario's sources, or an assumption with
 * its reason (or both, when sources inform an assumed value).
 *
 * @param evidence ids of entries in the scenario's {@code sources}
 * @param assumption whether the value is an assumption
 * @param reason why the assumption was made; required when {@code assumption}
 */
public record Provenance(List<String> evidence, boolean assumption, String reason) implements java.io.Serializable {
    public Provenance {
        evidence = List.copyOf(evidence);
    }

    /** @return a short human-readable form: the evidence ids, or "assumption: reason" */
    public String describe() {
        String ev = evidence.isEmpty() ? "" : String.join(", ", evidence);
        if (assumption) {
            return (ev.isEmpty() ? "" : ev + "; ") + "assumption: " + reason;
        }
        return ev;
    }
}
