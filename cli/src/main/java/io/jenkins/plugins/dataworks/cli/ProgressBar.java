package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.download.DownloadProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn with carriage returns: only for a terminal, since a CI log would
 * keep every redraw. Redraws at most once per percent so a fast download does not flood stderr.
 */
final class ProgressBar implements DownloadProgress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private int lastPermille = -1;
    private long lastUnknownStep = -1;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void onProgress(long received, long total) {
        try {
            if (total > 0) {
                int permille = (int) Math.min(1000, received * 1000 / total);
                if (permille / 10 == lastPermille / 10 && permille != 1000) {
                    return;
                }
                lastPermille = permille;
                int filled = permille * WIDTH / 1000;
                err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                        + String.format(Locale.ROOT, "%3d%% ", permille / 10) + bytes(received) + " / " + bytes(total));
            } else {
                long step = received / (1024 * 1024);
                if (step == lastUnknownStep) {
                    return;
                }
                lastUnknownStep = step;
                err.print("\r" + bytes(received) + " received");
            }
            err.flush();
            drawn = true;
        } catch (RuntimeException e) {
            // A progress bar must never break a download.
        }
    }

    /** Ends the bar's line so that the next message starts on its own. */
    synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", n / (1024.0 * 1024 * 1024));
    }
}
