package org.resolve.core.observation;

import java.util.Locale;

/**
 * How a figure was stated, which decides which of {@code low} and {@code high} it needs.
 */
public enum ObservationKind {
    /** A figure given as exact ("12,000 arrived"): {@code low} = the figure; {@code high} empty or equal. */
    POINT,
    /** A figure given as rough ("about 1,100", "a couple thousand"): like a point, read with more noise. */
    APPROX,
    /** A floor ("at least 10,000", "more than 3,000"): {@code low} = the floor; {@code high} empty. */
    LOWER,
    /** A ceiling ("as many as 8,000"): {@code high} = the ceiling; {@code low} empty or 0. */
    UPPER,
    /** An interval ("11,000 to 12,000", "several hundred"): {@code low} &lt;= {@code high}, both given. */
    RANGE;

    /** @return the name written in the file ({@code point}, {@code approx}, ...) */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether the figure is a single value (point or approx) rather than a bound */
    public boolean isValue() {
        return this == POINT || this == APPROX;
    }

    /**
     * @param key a name as written in the file (exact, lower case)
     * @return the kind, or null when unknown
     */
    public static ObservationKind byKey(String key) {
        for (ObservationKind k : values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return null;
    }
}
