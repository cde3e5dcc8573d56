/**
 * The measurement model that compares a run with an observation ledger: each claimant reports
 * the model's value times its own multiplicative bias and a log-normal noise; bounds ("at least",
 * "as many as", "between") are censored observations. See docs/OBSERVATIONS.md.
 *
 * <p>Entry points: {@link org.resolve.analysis.calibration.MeasurementModel} (one observation),
 * {@link org.resolve.analysis.calibration.LedgerLikelihood#evaluate} (a ledger against a run) and
 * {@link org.resolve.analysis.calibration.ModelValue} (the mapping applied to a run's series).
 */
package org.resolve.analysis.calibration;
