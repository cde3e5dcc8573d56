package org.resolve.core.model;

/**
 * Where a soldier is. Every soldier sent is in exactly one status on every day.
 * The first five are "in theatre or on the way"; the rest are absorbing.
 */
public enum Status {
    /** Selected, not yet departed. Agents are created when their wave departs, so agents are never here. */
    POOL,
    TRANSIT,
    TRAINING,
    FRONT,
    RESERVE,
    WOUNDED,
    /** Killed in action (attrition, or killed resisting capture). */
    KILLED,
    DIED_OF_WOUNDS,
    /** Killed himself to avoid capture. */
    SELF_KILLED,
    CAPTURED,
    SURRENDERED,
    DESERTED,
    REPATRIATED_WOUNDED,
    ROTATED_HOME;

    private static final Status[] VALUES = values();

    /** @param ordinal a status ordinal @return the status */
    public static Status of(int ordinal) { return VALUES[ordinal]; }

    /** @return whether the soldier is in the host country and paid (training, front, reserve, wounded) */
    public boolean inTheatre() {
        return this == TRAINING || this == FRONT || this == RESERVE || this == WOUNDED;
    }

    /** @return whether the status never changes again */
    public boolean absorbing() { return ordinal() >= KILLED.ordinal(); }

    /** @return the metric name of the daily count of soldiers in this status */
    public String metric() { return "status." + name().toLowerCase(java.util.Locale.ROOT); }
}
