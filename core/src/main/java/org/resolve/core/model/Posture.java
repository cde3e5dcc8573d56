package org.resolve.core.model;

import java.util.Locale;

/**
 * The sector's posture for a day. Training, withdrawn and reserve mean no contact: soldiers
 * who are not wounded wait in RESERVE. Holding and assault put them at the FRONT.
 */
public enum Posture {
    TRAINING(false), HOLDING(true), ASSAULT(true), WITHDRAWN(false), RESERVE(false);

    private final boolean engaged;

    Posture(boolean engaged) { this.engaged = engaged; }

    /** @return whether soldiers are at the front under this posture */
    public boolean engaged() { return engaged; }

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
