package org.resolve.store;

/**
 * What a {@link SweepRunner#run} session did.
 *
 * @param sweepId the sweep id
 * @param planned runs in the plan
 * @param alreadyPresent runs the store held before this session (not run again)
 * @param ranNow runs computed and stored by this session
 * @param failed failed runs of the sweep now stored (from all sessions)
 * @param rowsWritten series and KPI rows this session stored
 * @param seconds wall time of the session
 * @param status the sweep's status after the session ({@link SweepInfo#COMPLETE},
 *     {@link SweepInfo#INTERRUPTED} or {@link SweepInfo#ABORTED})
 */
public record SweepSummary(String sweepId, int planned, int alreadyPresent, int ranNow, int failed, long rowsWritten,
        double seconds, String status) {

    /** @return whether every planned run is stored */
    public boolean complete() {
        return SweepInfo.COMPLETE.equals(status);
    }

    /** @return whether Ctrl-C (or an interrupt) stopped the session; the sweep is resumable */
    public boolean interrupted() {
        return SweepInfo.INTERRUPTED.equals(status);
    }

    /** @return runs still missing */
    public int missing() {
        return planned - alreadyPresent - ranNow;
    }
}
