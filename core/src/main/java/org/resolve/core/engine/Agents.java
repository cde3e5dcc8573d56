package org.resolve.core.engine;

import java.util.Arrays;
import org.resolve.core.model.Status;

/**
 * Agent-mode population: one soldier per index, held as a struct of arrays (no object per
 * soldier). Index order is departure order; processes visit soldiers in index order and each
 * draws from its own stream, so no tie is ever broken by a hash or a thread.
 */
public final class Agents {
    /** Flag: told before departure that he would fight. */
    public static final byte INFORMED = 1;
    /** Flag: knows a safe surrender procedure. */
    public static final byte KNOWS = 2;
    /** Flag: became a casualty today; his outcome is decided by the casualty-outcome process. */
    public static final byte NEW_CASUALTY = 4;
    /** Flag: has been wounded at least once (turns woundings into soldiers wounded). */
    public static final byte WOUNDED_BEFORE = 8;

    private static final byte TRANSIT = (byte) Status.TRANSIT.ordinal();
    private static final int ABSORBING = Status.KILLED.ordinal();
    private static final int FRONT = Status.FRONT.ordinal();
    private static final int RESERVE = Status.RESERVE.ordinal();

    /** Soldiers created so far. */
    public int n;
    public byte[] status;
    public short[] wave;
    /** Baseline loyalty in [0, 1]. */
    public float[] loyalty;
    /** Hunger at departure in [0, 1]. */
    public float[] hunger0;
    /** Doubt in [0, 1]. */
    public float[] doubt;
    public byte[] flags;
    /** Soldiers in the host country (training, front, reserve, wounded) who know the procedure. */
    public int knowing;
    /** Soldiers in each status. */
    public final int[] count = new int[Status.values().length];
    /** Soldiers at the front, per wave (kept up to date by {@link #move}). */
    public final int[] frontByWave;
    /** Soldiers in reserve, per wave. */
    public final int[] reserveByWave;
    /**
     * Today's front list: the indexes of soldiers at the front after the posture process, in index
     * order, then those who return to duty during the day. Processes that act on the front visit
     * it instead of every soldier; entries whose status has since changed are skipped.
     */
    public int[] front;
    /** Entries in {@link #front}. */
    public int frontCount;
    /** Today's newly wounded, in index order (set by casualty outcome, read by capture). */
    public int[] newWounded;
    /** Entries in {@link #newWounded}. */
    public int newWoundedCount;

    /**
     * @param capacity soldiers to allocate room for (the arrays grow if needed)
     * @param waves waves in the schedule
     */
    public Agents(int capacity, int waves) {
        int c = Math.max(16, capacity);
        frontByWave = new int[waves];
        reserveByWave = new int[waves];
        front = new int[c];
        newWounded = new int[c];
        status = new byte[c];
        wave = new short[c];
        loyalty = new float[c];
        hunger0 = new float[c];
        doubt = new float[c];
        flags = new byte[c];
    }

    /**
     * Adds a departing soldier in TRANSIT.
     *
     * @return his index
     */
    public int add(int waveIndex, double loyaltyValue, double hunger, double doubtValue, boolean informed) {
        if (n == status.length) {
            int c = status.length * 2;
            status = Arrays.copyOf(status, c);
            wave = Arrays.copyOf(wave, c);
            loyalty = Arrays.copyOf(loyalty, c);
            hunger0 = Arrays.copyOf(hunger0, c);
            doubt = Arrays.copyOf(doubt, c);
            flags = Arrays.copyOf(flags, c);
            front = Arrays.copyOf(front, c);
            newWounded = Arrays.copyOf(newWounded, c);
        }
        int i = n++;
        status[i] = TRANSIT;
        wave[i] = (short) waveIndex;
        loyalty[i] = (float) loyaltyValue;
        hunger0[i] = (float) hunger;
        doubt[i] = (float) doubtValue;
        flags[i] = informed ? INFORMED : 0;
        count[TRANSIT]++;
        return i;
    }

    /** Moves soldier {@code i} to status {@code to} (an ordinal of {@link Status}). */
    public void move(int i, int to) {
        if ((flags[i] & KNOWS) != 0 && to >= ABSORBING) {
            knowing--;
        }
        int from = status[i];
        if (from == FRONT) {
            frontByWave[wave[i]]--;
        } else if (from == RESERVE) {
            reserveByWave[wave[i]]--;
        }
        if (to == FRONT) {
            frontByWave[wave[i]]++;
        } else if (to == RESERVE) {
            reserveByWave[wave[i]]++;
        }
        count[from]--;
        count[to]++;
        status[i] = (byte) to;
    }

    /** Rebuilds today's front list from the statuses (in index order). */
    public void rebuildFront() {
        int k = 0;
        int[] f = front;
        byte fr = (byte) FRONT;
        for (int i = 0; i < n; i++) {
            f[k] = i;
            k += status[i] == fr ? 1 : 0; // branch-free: statuses are interleaved at random
        }
        frontCount = k;
    }

    /** Appends soldier {@code i} (just returned to the front) to today's front list. */
    public void joinFront(int i) {
        front[frontCount++] = i;
    }

    /** Marks soldier {@code i} (in theatre) as knowing a safe surrender procedure. */
    public void learnProcedure(int i) {
        if ((flags[i] & KNOWS) == 0) {
            flags[i] |= KNOWS;
            knowing++;
        }
    }

    /** @param s a status @return soldiers in it */
    public int count(Status s) {
        return count[s.ordinal()];
    }
}
