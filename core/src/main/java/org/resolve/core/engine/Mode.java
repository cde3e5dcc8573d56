package org.resolve.core.engine;

import java.util.Locale;

/** How soldiers are represented: one agent each, or expected numbers per stratum. */
public enum Mode {
    AGENT, AGGREGATE;

    /** @return the name used on the command line */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param key a name @return the mode, or null */
    public static Mode byKey(String key) {
        for (Mode m : values()) {
            if (m.key().equalsIgnoreCase(key)) {
                return m;
            }
        }
        return null;
    }
}
