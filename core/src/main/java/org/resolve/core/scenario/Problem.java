package org.resolve.core.scenario;

/**
 * One thing wrong with a scenario or observation file, located in the file.
 *
 * @param location where it is
 * @param subject the parameter or key concerned (a dotted path such as {@code parameters.regime_share})
 * @param problem what is wrong
 * @param expected what would be right
 */
public record Problem(Location location, String subject, String problem, String expected) {

    /** @return {@code file:line:col: subject: problem; expected ...} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(location).append(": ").append(subject).append(": ").append(problem);
        if (expected != null && !expected.isEmpty()) {
            sb.append("; expected ").append(expected);
        }
        return sb.toString();
    }
}
