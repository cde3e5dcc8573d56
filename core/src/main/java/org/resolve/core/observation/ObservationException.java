package org.resolve.core.observation;

import java.util.List;
import java.util.stream.Collectors;
import org.resolve.core.scenario.Problem;

/** An observation file is wrong or unreadable; carries every problem found, each located. */
public final class ObservationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /**
     * @param problems the problems, at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public ObservationException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an ObservationException needs at least one problem");
        }
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    /** @return the problems, in file order */
    public List<Problem> problems() {
        return problems;
    }
}
