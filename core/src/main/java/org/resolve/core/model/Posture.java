package org.resolve.core.model;

import java.util.Locale;

/**
 * The sector's posture for a day. Training, withdrawn and reserve mean no contact: soldiers
 * who are not wounded wait in RESERVE. Holding and assault put them on the line (FRONT) and
 * fighting; rear puts them in the sector on rear or engineering duty (demining, fortification):
 * exposed to fire at a reduced weight ({@code exposure.rear}), not fighting.
 */
public enum Posture {
    TRAINING(false, false), HOLDING(true, true), ASSAULT(true, true), WITHDRAWN(false, false), RESERVE(false, false),
    REAR(true, false);

    private final boolean engaged;
    private final boolean fights;

    Posture(boolean engaged, boolean fights) {
        this.engaged = engaged;
        this.fights = fights;
    }

    /** @return whether soldiers are in the sector (status FRONT) and exposed to fire under this posture */
    public boolean engaged() { return engaged; }

    /** @return whether soldiers fight (fire on the opponent) under this posture */
    public boolean fights() { return fights; }

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static Posture byKey(String key) {
        for (Posture p : values()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        return null;
    }
}
