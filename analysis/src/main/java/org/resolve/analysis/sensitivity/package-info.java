/**
 * Global sensitivity analysis of ensemble outputs: Sobol' indices from a Saltelli design
 * ({@link org.resolve.analysis.sensitivity.SobolAnalysis}) and Morris elementary effects
 * ({@link org.resolve.analysis.sensitivity.MorrisAnalysis}), with seeded bootstrap intervals and a
 * stated policy for failed runs ({@link org.resolve.analysis.sensitivity.SensitivityOptions}).
 * Results are plain records, one tidy row per index.
 */
package org.resolve.analysis.sensitivity;
