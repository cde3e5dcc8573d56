/**
 * Designs of experiments: points in the unit hypercube, built deterministically from a seed, that
 * a {@link org.resolve.analysis.RunPlan} maps through each uncertain parameter's quantile function
 * (see {@link org.resolve.analysis.design.ParameterSpace}). Space-filling designs
 * ({@link org.resolve.analysis.design.PointSet}: Monte Carlo, Latin hypercube, scrambled Sobol')
 * and sensitivity designs ({@link org.resolve.analysis.design.SaltelliDesign},
 * {@link org.resolve.analysis.design.MorrisDesign}) whose bookkeeping the analyses in
 * {@link org.resolve.analysis.sensitivity} read. Row i of a design is run i of its plan.
 */
package org.resolve.analysis.design;
