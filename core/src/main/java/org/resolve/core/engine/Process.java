package org.resolve.core.engine;

/**
 * One of the model's eleven daily processes. Each is written once for agents and once for
 * cohorts, side by side in the same file, so the two modes visibly run the same model.
 *
 * <p>The daily order is fixed and part of the model's meaning (see {@link Engine#PROCESSES}):
 * deployment, posture, attrition, casualty outcome, capture, desertion, beliefs, learning,
 * rotation and replacement, money, families. Within a process, agents are visited in index
 * (departure) order and every random number comes from that process's own stream.
 */
public interface Process {
    /** @return the process's name, as the ODD description uses it */
    String name();

    /** Applies the process to one day in agent mode. */
    void agents(Sector s, Agents a, RunStreams r);

    /** Applies the process to one day in aggregate mode (expected flows). */
    void cohorts(Sector s, Cohorts c);
}
