package org.resolve.core.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A user's scenario is wrong; carries every problem found, each located. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /** @param problems the problems, at least one */
    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, in file order */
    public List<Problem> problems() {
        return problems;
    }
}
