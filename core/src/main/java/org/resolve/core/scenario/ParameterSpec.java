package org.resolve.core.scenario;

import org.resolve.core.model.Param;

/**
 * A parameter as a scenario gives it: its value or distribution, unit and provenance.
 *
 * @param param which parameter
 * @param distribution its value ({@link Distribution.Fixed}) or uncertainty
 * @param unit the unit written in the scenario (must match the catalogue's)
 * @param provenance its evidence or assumption
 * @param note an optional remark shown in reports
 * @param location where it is written
 */
public record ParameterSpec(Param param, Distribution distribution, String unit, Provenance provenance,
                            String note, Location location) implements java.io.Serializable {
}
