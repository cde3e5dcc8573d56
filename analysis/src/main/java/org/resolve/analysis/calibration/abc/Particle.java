package org.resolve.analysis.calibration.abc;

/**
 * One accepted parameter vector of a generation.
 *
 * @param theta the parameters, in the order of the priors (copied in and out)
 * @param weight the normalised importance weight; a generation's weights sum to 1
 * @param distance the distance its simulation gave, <= the generation's tolerance
 * @param proposal the proposal's index within its generation (particles are in this order)
 * @param seed the seed its simulation used: {@code distance(theta, seed)} replays it
 */
public record Particle(double[] theta, double weight, double distance, long proposal, long seed) {
    /** Copies theta. */
    public Particle {
        theta = theta.clone();
    }

    /** @return a copy of the parameters */
    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** @param i a parameter index @return that parameter's value, without copying */
    public double theta(int i) {
        return theta[i];
    }
}
