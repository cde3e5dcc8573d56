package org.resolve.core.model;

import java.util.Locale;

/** The kinds of unit a wave can be drawn from; each has its own pool, loyalty, hunger and exposure. */
public enum UnitType {
    SPECIAL_FORCES(Param.POOL_SPECIAL_FORCES, Param.LOYALTY_MEAN_SPECIAL_FORCES, Param.UNDERNOURISHED_SPECIAL_FORCES, Param.VULNERABILITY_SPECIAL_FORCES),
    REGULAR(Param.POOL_REGULAR, Param.LOYALTY_MEAN_REGULAR, Param.UNDERNOURISHED_REGULAR, Param.VULNERABILITY_REGULAR),
    ENGINEER(Param.POOL_ENGINEER, Param.LOYALTY_MEAN_ENGINEER, Param.UNDERNOURISHED_ENGINEER, Param.VULNERABILITY_ENGINEER),
    CONSTRUCTION(Param.POOL_CONSTRUCTION, Param.LOYALTY_MEAN_CONSTRUCTION, Param.UNDERNOURISHED_CONSTRUCTION, Param.VULNERABILITY_CONSTRUCTION);

    private final Param pool;
    private final Param loyaltyMean;
    private final Param undernourished;
    private final Param vulnerability;

    UnitType(Param pool, Param loyaltyMean, Param undernourished, Param vulnerability) {
        this.pool = pool;
        this.loyaltyMean = loyaltyMean;
        this.undernourished = undernourished;
        this.vulnerability = vulnerability;
    }

    public Param pool() { return pool; }
    public Param loyaltyMean() { return loyaltyMean; }
    public Param undernourished() { return undernourished; }
    public Param vulnerability() { return vulnerability; }

    /** @return the name used in scenario files */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** @param key a name as written in a scenario @return the unit type or null */
    public static UnitType byKey(String key) {
        for (UnitType u : values()) {
            if (u.key().equals(key)) {
                return u;
            }
        }
        return null;
    }
}
