package org.resolve.analysis.sensitivity;

/**
 * One Sobol' index of one output, as a tidy row.
 *
 * @param metric the output's name
 * @param order first order, total or second order
 * @param factor the parameter's or group's name
 * @param other the second factor of a second-order index, empty otherwise
 * @param value the estimate (a share of the output's variance; estimates can stray slightly
 *     outside [0, 1])
 * @param ciLow the bootstrap interval's lower end (NaN without resamples)
 * @param ciHigh its upper end
 * @param nUsed base rows used
 * @param nExcluded base rows left out because an output of theirs was not finite
 */
public record SobolIndex(String metric, Order order, String factor, String other, double value, double ciLow,
                         double ciHigh, int nUsed, int nExcluded) {

    /** Which index. */
    public enum Order {
        /** First order: the share of variance due to the factor alone. */
        FIRST("S1"),
        /** Total: the share due to the factor and all its interactions. */
        TOTAL("ST"),
        /** Second order: the share due to the interaction of two factors alone. */
        SECOND("S2");

        private final String label;

        Order(String label) {
            this.label = label;
        }

        /** @return the usual symbol: S1, ST or S2 */
        public String label() {
            return label;
        }
    }
}
