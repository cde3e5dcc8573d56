package org.resolve.analysis.calibration;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;
import org.resolve.core.observation.Observation;
import org.resolve.core.observation.Quantity;

/**
 * The model's value of an observed quantity: the sum of the quantity's metrics on the day, or
 * its increase over the period ending on the day (see {@link Quantity} and docs/OBSERVATIONS.md).
 *
 * <p>Day index = days from the scenario's start to the observation's date (day 0 is the start).
 * For a period of N days ending on day d the increase is {@code value(d) - value(d - N)}, where a
 * cumulative metric is 0 before day 0.
 */
public final class ModelValue {
    private ModelValue() {
    }

    /**
     * @param start the scenario's first day
     * @param date a date
     * @return its day index (negative before the start)
     */
    public static long dayIndex(LocalDate start, LocalDate date) {
        return ChronoUnit.DAYS.between(start, date);
    }

    /**
     * @param o an observation
     * @param run a run
     * @param start the run's scenario's first day
     * @return whether the run has a value for it: a calibration target dated from the start to the
     *         last day recorded (a failed run has none from the day it failed)
     */
    public static boolean covers(Observation o, RunResult run, LocalDate start) {
        long day = dayIndex(start, o.date());
        return o.quantity().isCalibrationTarget() && day >= 0 && day < run.daysRecorded();
    }

    /**
     * @param o a calibration target
     * @param run a run
     * @param start the run's scenario's first day
     * @return the model's value of the observed quantity on its date
     * @throws IllegalArgumentException if the quantity is parameter evidence or the run does not
     *         cover the date ({@link #covers} is false)
     */
    public static double of(Observation o, RunResult run, LocalDate start) {
        if (!o.quantity().isCalibrationTarget()) {
            throw new IllegalArgumentException(o.id() + ": " + o.quantity().key()
                    + " is parameter evidence, not a calibration target");
        }
        if (!covers(o, run, start)) {
            throw new IllegalArgumentException(o.id() + ": " + o.date() + " is outside the run's days "
                    + start + " to " + start.plusDays(run.daysRecorded() - 1L));
        }
        return of(o.quantity(), run, (int) dayIndex(start, o.date()), o.periodDays());
    }

    /**
     * @param q a calibration target quantity
     * @param run a run
     * @param day a day index, 0 to {@code run.daysRecorded() - 1}
     * @param periodDays the period for {@link Quantity.Use#INCREASE_OVER_PERIOD} quantities (&gt;= 1); ignored otherwise
     * @return the sum of the quantity's metrics on the day, or its increase over the period ending on the day
     * @throws IllegalArgumentException if the quantity is parameter evidence, the period is &lt; 1 for
     *         a period quantity, or the day is outside the recorded days
     */
    public static double of(Quantity q, RunResult run, int day, int periodDays) {
        if (day < 0 || day >= run.daysRecorded()) {
            throw new IllegalArgumentException("day " + day + " outside 0.." + (run.daysRecorded() - 1));
        }
        return switch (q.use()) {
            case AT_DATE -> sum(q, run, day);
            case INCREASE_OVER_PERIOD -> {
                if (periodDays < 1) {
                    throw new IllegalArgumentException("periodDays: expected >= 1 for " + q.key() + ", got " + periodDays);
                }
                int from = day - periodDays;
                yield sum(q, run, day) - (from < 0 ? 0.0 : sum(q, run, from));
            }
            case PARAMETER_EVIDENCE -> throw new IllegalArgumentException(q.key()
                    + " is parameter evidence, not a calibration target");
        };
    }

    private static double sum(Quantity q, RunResult run, int day) {
        double s = 0;
        for (Metric m : q.metrics()) {
            s += run.value(m, day);
        }
        return s;
    }
}
