package org.resolve.core.scenario;

import java.time.LocalDate;
import org.resolve.core.model.Param;
import org.resolve.core.model.Posture;

/**
 * One phase of the operations calendar. A phase starts on its {@code from} date, or, when it has
 * none, on the day the previous phase ends; it lasts until the next phase with a date or, when it
 * names a {@code days} parameter, for that parameter's value in the run (an uncertain length, so an
 * operation's end is part of the ensemble's uncertainty). The last phase lasts to the horizon.
 *
 * @param from first day of the phase, or {@code null} when it follows a phase of uncertain length
 * @param posture the posture
 * @param days the parameter giving the phase's length in days, or {@code null} when it ends where
 *     the next dated phase begins (or at the horizon)
 * @param provenance evidence or assumption
 * @param location where it is written
 */
public record Phase(LocalDate from, Posture posture, Param days, Provenance provenance, Location location)
        implements java.io.Serializable {
}
