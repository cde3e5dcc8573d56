package org.resolve.core.scenario;

import java.time.LocalDate;
import org.resolve.core.model.Posture;

/**
 * One phase of the operations calendar: from {@code from} until the next phase, the sector's
 * posture is {@code posture}.
 *
 * @param from first day of the phase
 * @param posture the posture
 * @param provenance evidence or assumption
 * @param location where it is written
 */
public record Phase(LocalDate from, Posture posture, Provenance provenance, Location location) implements java.io.Serializable {
}
