package org.resolve.core.observation;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.resolve.core.scenario.Location;

/**
 * One dated figure reported by one claimant: a row of an observation file.
 *
 * @param id the row's identifier, unique in its file (e.g. {@code B6})
 * @param date the date the figure refers to
 * @param claimant who made the claim, as written (e.g. {@code South Korea NIS (via lawmakers)})
 * @param quantity what was reported
 * @param kind how it was stated (point, approx, lower, upper, range)
 * @param low the figure (point, approx), the floor (lower, range), or NaN when empty; 0 or NaN for upper
 * @param high the ceiling (upper, range), equal to {@code low} or NaN for point and approx, NaN for lower
 * @param scope what the figure covers, as written (may be empty)
 * @param periodDays for {@link Quantity#needsPeriod()} quantities the period's length in days read
 *        from the scope (at least 1); 0 otherwise
 * @param publication where it was published
 * @param published when it was published (on or after {@code date})
 * @param note free text (may be empty)
 * @param locations where each field was written, indexed by {@link Column#ordinal()}
 */
public record Observation(String id, LocalDate date, String claimant, Quantity quantity, ObservationKind kind,
        double low, double high, String scope, int periodDays, String publication, LocalDate published, String note,
        List<Location> locations) {

    /**
     * Checks what the file reader guarantees, so that a synthetic observation obeys the same rules.
     *
     * @throws NullPointerException if a field other than {@code low}/{@code high} is null
     * @throws IllegalArgumentException if {@code locations} does not have one entry per column, if
     *         {@code low}/{@code high} do not suit {@code kind}, or if {@code periodDays} does not suit {@code quantity}
     */
    public Observation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(claimant, "claimant");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(publication, "publication");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(note, "note");
        locations = List.copyOf(locations);
        if (locations.size() != Column.COUNT) {
            throw new IllegalArgumentException("locations: expected " + Column.COUNT + ", got " + locations.size());
        }
        String bounds = boundsProblem(kind, low, high);
        if (bounds != null) {
            throw new IllegalArgumentException(id + ": " + bounds);
        }
        if (quantity.needsPeriod() ? periodDays < 1 : periodDays != 0) {
            throw new IllegalArgumentException(id + ": periodDays " + periodDays + " for " + quantity.key());
        }
    }

    /**
     * @return null when {@code low} and {@code high} (NaN = empty) suit the kind, else what is wrong
     */
    static String boundsProblem(ObservationKind kind, double low, double high) {
        boolean hasLow = !Double.isNaN(low);
        boolean hasHigh = !Double.isNaN(high);
        if ((hasLow && (Double.isInfinite(low) || low < 0)) || (hasHigh && (Double.isInfinite(high) || high < 0))) {
            return "low and high must be finite and >= 0";
        }
        if (hasLow && hasHigh && low > high) {
            return "low > high";
        }
        return switch (kind) {
            case POINT, APPROX -> !hasLow ? "no low" : hasHigh && high != low ? "high differs from low" : null;
            case LOWER -> !hasLow ? "no low" : hasHigh ? "a high" : null;
            case UPPER -> !hasHigh ? "no high" : hasLow && low != 0 ? "a low other than 0" : null;
            case RANGE -> !hasLow || !hasHigh ? "not both low and high" : null;
        };
    }

    /**
     * A made-up observation (e.g. for parameter-recovery tests), located at {@code source:0:0}.
     *
     * @param id the identifier
     * @param date the date the figure refers to
     * @param claimant who claims it
     * @param quantity what is reported
     * @param kind how it is stated
     * @param low see the record's {@code low}; NaN for empty
     * @param high see the record's {@code high}; NaN for empty
     * @param periodDays the period in days for {@code *_in_period} quantities, else 0
     * @param source a name for where it came from, used as the file of its locations
     * @return the observation, published on its date
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static Observation synthetic(String id, LocalDate date, String claimant, Quantity quantity,
            ObservationKind kind, double low, double high, int periodDays, String source) {
        String scope = periodDays > 0 ? periodDays + " days" : "";
        return new Observation(id, date, claimant, quantity, kind, low, high, scope, periodDays, source, date, "",
                Collections.nCopies(Column.COUNT, new Location(source, 0, 0)));
    }

    /**
     * @param newKind the kind of the copy
     * @param newLow its low (NaN for empty)
     * @param newHigh its high (NaN for empty)
     * @return a copy with another figure, keeping everything else (its locations included)
     * @throws IllegalArgumentException if the figure does not suit {@code newKind}
     */
    public Observation withFigure(ObservationKind newKind, double newLow, double newHigh) {
        return new Observation(id, date, claimant, quantity, newKind, newLow, newHigh, scope, periodDays, publication,
                published, note, locations);
    }

    /** @return where the row starts (its {@code id} field) */
    public Location location() {
        return locations.get(Column.ID.ordinal());
    }

    /** @param column a column @return where that field was written */
    public Location location(Column column) {
        return locations.get(column.ordinal());
    }

    /**
     * @return the single figure of a point or approx observation ({@code low})
     * @throws IllegalStateException if the kind is lower, upper or range
     */
    public double value() {
        if (!kind.isValue()) {
            throw new IllegalStateException(id + " is a " + kind.key() + " bound, not a value");
        }
        return low;
    }
}
