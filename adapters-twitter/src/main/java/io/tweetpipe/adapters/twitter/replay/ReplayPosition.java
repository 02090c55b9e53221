package io.tweetpipe.adapters.twitter.replay;

import io.vavr.control.Option;

/**
 * How far a replay has read: for showing a long replay's progress.
 *
 * @param pass the pass being read, from 1 (a looping replay starts a new pass at each end of its file)
 * @param bytesRead bytes of the file read in this pass (a few hundred lines ahead of what has been handed on)
 * @param bytesTotal the file's size when the pass began; none for the bundled sample and streams of unknown length
 * @param loops whether the replay starts again at the end
 */
public record ReplayPosition(long pass, long bytesRead, Option<Long> bytesTotal, boolean loops) {

    /** Read so far, from 0 to 1, when the size is known. */
    public Option<Double> fraction() {
        return bytesTotal.filter(total -> total > 0).map(total -> Math.min(1.0, (double) bytesRead / total));
    }
}
