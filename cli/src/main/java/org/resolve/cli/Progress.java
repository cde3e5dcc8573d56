package org.resolve.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of an ensemble: a bar with rate and ETA on a terminal, plain lines at every tenth
 * otherwise (logs, CI, pipes).
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final PrintWriter err;
    private final int total;
    private final long start = System.nanoTime();
    private int lastTenth = -1;

    /**
     * @param task what runs, shown with the bar; it may hold a user's text (a scenario id), and the
     *     bar prints straight to the terminal, so its control characters are escaped here
     */
    Progress(String task, int total, PrintWriter err, boolean terminal) {
        task = Terminal.line(task);
        this.total = total;
        this.err = err;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" runs", 1).showSpeed().build() : null;
        if (!terminal) {
            err.println(task + ": " + total + " runs");
        }
    }

    synchronized void update(int done) {
        if (bar != null) {
            bar.stepTo(done);
            return;
        }
        int tenth = done * 10 / total;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            double s = (System.nanoTime() - start) / 1e9;
            double rate = done / Math.max(s, 1e-9);
            double eta = rate > 0 ? (total - done) / rate : 0;
            err.printf("progress: %d/%d runs (%d%%), %.1f runs/s, eta %.0f s%n", done, total, done * 100 / total, rate, eta);
            err.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
