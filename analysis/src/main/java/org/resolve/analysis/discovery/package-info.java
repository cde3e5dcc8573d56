/**
 * Scenario discovery: which regions of the uncertain inputs lead to an outcome of interest. PRIM
 * ({@link org.resolve.analysis.discovery.Prim}, after Friedman and Fisher 1999 and the EMA
 * Workbench) peels a box down a coverage/density trajectory, pastes the chosen box and covers with
 * further boxes; {@link org.resolve.analysis.discovery.OutcomeExpression} turns a condition such as
 * {@code killed > 3000} into each run's outcome (NaN, missing, for a failed run).
 */
package org.resolve.analysis.discovery;
