package org.resolve.core.scenario;

import java.time.LocalDate;

/**
 * When the persuasion campaign begins; its intensity is in the {@code campaign.*} parameters.
 *
 * @param start first day leaflets, broadcasts or messengers reach the sector
 * @param provenance evidence or assumption
 * @param location where it is written
 */
public record Campaign(LocalDate start, Provenance provenance, Location location) implements java.io.Serializable {
}
