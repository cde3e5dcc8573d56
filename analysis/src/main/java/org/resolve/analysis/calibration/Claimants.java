package org.resolve.analysis.calibration;

/**
 * Who a claim is attributed to, for the purpose of sharing one bias and noise level.
 *
 * <p>Rule: the claimant text up to the first {@code " ("} (a space then an opening parenthesis),
 * stripped, with runs of blanks collapsed to one space. A parenthesis names a person, channel or
 * programme of the same claimant: {@code South Korea NIS (via lawmakers)} and {@code South Korea NIS}
 * are one claimant; {@code Ukraine HUR (I Want to Live)} and {@code Ukraine HUR (intercept)} are
 * {@code Ukraine HUR}. Joint claims written with a semicolon ({@code Ukraine HUR; ISW}) are a
 * claimant of their own, and case matters ({@code US Pentagon} is not {@code us pentagon}).
 */
public final class Claimants {
    private Claimants() {
    }

    /**
     * @param claimant the claimant as written in an observation file
     * @return its key (see the class comment)
     */
    public static String key(String claimant) {
        String s = claimant.strip();
        int paren = s.indexOf(" (");
        if (paren >= 0) {
            s = s.substring(0, paren);
        }
        return s.strip().replaceAll("\\s+", " ");
    }
}
