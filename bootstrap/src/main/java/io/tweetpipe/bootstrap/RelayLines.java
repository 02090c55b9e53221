package io.tweetpipe.bootstrap;

import io.tweetpipe.adapters.socket.RelayStats;
import io.tweetpipe.adapters.twitter.replay.ReplayPosition;
import io.tweetpipe.application.port.in.RelayReport;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Locale;

/**
 * What the relay tells a person: a short count now and then (with how far a finite replay has come), and one line
 * when it stops; the full accounting only when asked for ({@code --verbose}).
 */
final class RelayLines {

    private RelayLines() {
    }

    /** The four counts a person wants first. */
    static String counts(RelayReport report) {
        return "relayed " + report.relayed() + ", rejected " + report.rejected() + ", dropped " + report.dropped()
                + ", deleted " + report.deleted();
    }

    /** The closing line: the four counts, or everything the relay and its socket counted. */
    static String stopped(RelayReport report, RelayStats socket, boolean verbose) {
        return "relay stopped: " + (verbose ? report + "; socket: " + socket : counts(report));
    }

    /**
     * The progress line: the counts, and for a replay of a file read once, how much of it is read, at what rate
     * tweets are relayed, and how long the rest should take at the pace so far.
     */
    static String progress(RelayReport report, Option<ReplayPosition> replay, Duration elapsed) {
        return "relay: " + counts(report) + replay.filter(position -> !position.loops())
                .flatMap(position -> position.fraction().map(done -> replayed(done, report.relayed(), elapsed)))
                .getOrElse("");
    }

    private static String replayed(double done, long relayed, Duration elapsed) {
        if (done >= 1) {
            return "; replay read to the end";
        }
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        String left = done <= 0 ? "time left unknown"
                : "about " + human(Duration.ofSeconds(Math.round(seconds * (1 - done) / done))) + " left";
        return String.format(Locale.ROOT, "; replay %d%% read, %.0f tweets/s, %s", (int) Math.floor(done * 100),
                relayed / seconds, left);
    }

    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 90) {
            return seconds + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes < 90 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
