/**
 * Scores of probabilistic forecasts against observations: the continuous ranked probability score
 * of a (weighted) predictive ensemble ({@link org.resolve.analysis.scoring.Crps}), the interval
 * score of a central interval ({@link org.resolve.analysis.scoring.IntervalScore}), coverage of the
 * 50% and 90% intervals, and one documented rule for censored observations
 * ({@link org.resolve.analysis.scoring.Outcome}): a censored observation is scored against the
 * nearest predictive consistent with it. Lower scores are better; all scores are in the
 * observation's units.
 */
package org.resolve.analysis.scoring;
