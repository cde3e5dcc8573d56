/**
 * The observation ledger: dated figures reported by claimants (governments, agencies, officials),
 * read from a CSV file and validated with located problems, and the documented mapping from each
 * reported quantity to the model's daily metrics (see docs/OBSERVATIONS.md).
 *
 * <p>Entry point: {@link org.resolve.core.observation.ObservationLedger#read(java.nio.file.Path)}.
 * The measurement model that turns a ledger into a likelihood lives in the analysis module
 * ({@code org.resolve.analysis.calibration}).
 */
package org.resolve.core.observation;
