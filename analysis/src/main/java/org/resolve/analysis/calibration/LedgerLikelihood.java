package org.resolve.analysis.calibration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.resolve.core.engine.RunResult;
import org.resolve.core.observation.Observation;
import org.resolve.core.observation.ObservationLedger;

/**
 * A ledger compared with one run: each calibration target's model value and log-likelihood, their
 * sum, and the observations that were not compared and why.
 *
 * @param logLikelihood the sum of the terms' log-likelihoods, added in ledger order (may be -infinity)
 * @param terms the compared observations, in ledger order
 * @param parameterEvidence observations of quantities the model has no output for (ignored)
 * @param outsideRun calibration targets dated before the start or after the last day recorded (ignored)
 */
public record LedgerLikelihood(double logLikelihood, List<Term> terms, List<Observation> parameterEvidence,
        List<Observation> outsideRun) {

    /**
     * One compared observation.
     *
     * @param observation the observation
     * @param modelValue the model's value of its quantity on its date
     * @param logLikelihood its log-likelihood under the measurement model
     */
    public record Term(Observation observation, double modelValue, double logLikelihood) {
    }

    /** Copies the lists. */
    public LedgerLikelihood {
        terms = List.copyOf(terms);
        parameterEvidence = List.copyOf(parameterEvidence);
        outsideRun = List.copyOf(outsideRun);
    }

    /**
     * @param ledger the observations
     * @param run a run of the scenario
     * @param start the scenario's first day (day 0 of the run)
     * @param model the measurement model
     * @return the comparison
     */
    public static LedgerLikelihood evaluate(ObservationLedger ledger, RunResult run, LocalDate start,
            MeasurementModel model) {
        List<Term> terms = new ArrayList<>();
        List<Observation> evidence = new ArrayList<>();
        List<Observation> outside = new ArrayList<>();
        double sum = 0;
        for (Observation o : ledger.observations()) {
            if (!o.quantity().isCalibrationTarget()) {
                evidence.add(o);
            } else if (!ModelValue.covers(o, run, start)) {
                outside.add(o);
            } else {
                double y = ModelValue.of(o, run, start);
                double ll = model.logLikelihood(o, y);
                terms.add(new Term(o, y, ll));
                sum += ll;
            }
        }
        return new LedgerLikelihood(sum, terms, evidence, outside);
    }
}
