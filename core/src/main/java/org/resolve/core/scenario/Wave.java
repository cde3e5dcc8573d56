package org.resolve.core.scenario;

import java.time.LocalDate;
import org.resolve.core.model.UnitType;

/**
 * A planned deployment wave: on {@code date}, {@code size} soldiers of {@code unitType} leave.
 * With {@code repeatEveryDays > 0} the wave is sent again every that many days, {@code repeatTimes}
 * more times (rotations).
 *
 * @param id a name for reports
 * @param date departure date
 * @param size soldiers sent
 * @param unitType where they are drawn from
 * @param repeatEveryDays days between repeats, 0 for none
 * @param repeatTimes number of repeats after the first
 * @param provenance evidence or assumption
 * @param location where it is written
 */
public record Wave(String id, LocalDate date, int size, UnitType unitType, int repeatEveryDays, int repeatTimes,
                   Provenance provenance, Location location) implements java.io.Serializable {
}
