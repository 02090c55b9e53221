package io.tweetpipe.bootstrap.faults;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.StreamOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * The sink of a fault run: every record the stream job hands on is parsed for its sequence number and counted,
 * nothing is kept but a bit per number, so that a flood of millions of records costs megabytes. Thread-safe.
 */
final class Ledger implements BatchSink {

    private static final int SAMPLES = 5;

    private final BitSet seen = new BitSet();
    private long records;
    private long duplicates;
    private long mangled;
    private final List<String> mangledSamples = new ArrayList<>();
    private long batches;
    private long unseen;
    private long watchFrom = Long.MAX_VALUE;
    private long watchedArrivalNanos;

    @Override
    public void accept(StreamOutput output) {
        if (output instanceof Batch batch) {
            record(batch.head());
            if (batch.count() > batch.head().size()) {
                unseen(batch.count() - batch.head().size());
            }
        }
    }

    synchronized void record(Iterable<String> batch) {
        long now = System.nanoTime();
        for (String record : batch) {
            records++;
            long seq = SequencedTweets.seqOf(record);
            if (seq < 0) {
                mangled++;
                if (mangledSamples.size() < SAMPLES) {
                    mangledSamples.add(record.length() > 200 ? record.substring(0, 200) + "…" : record);
                }
                continue;
            }
            if (seen.get((int) seq)) {
                duplicates++;
            } else {
                seen.set((int) seq);
            }
            if (seq >= watchFrom && watchedArrivalNanos == 0) {
                watchedArrivalNanos = now;
            }
        }
        batches++;
        notifyAll();
    }

    /** Records counted in a batch but not shown to the sink (a sink that asks for ten, as the console does). */
    private synchronized void unseen(long count) {
        unseen += count;
        notifyAll();
    }

    /** Records counted but not shown: 0 unless the sink was shown only each batch's first records. */
    synchronized long unseen() {
        return unseen;
    }

    /** From now on, remembers when the first record numbered {@code from} or more arrives. */
    synchronized void watchFrom(long from) {
        watchFrom = from;
        watchedArrivalNanos = 0;
        if (seen.nextSetBit((int) from) >= 0) {
            watchedArrivalNanos = System.nanoTime();  // already here
        }
    }

    /** When the first watched record arrived ({@link System#nanoTime}), or 0 if none has yet. */
    synchronized long watchedArrivalNanos() {
        return watchedArrivalNanos;
    }

    synchronized long records() {
        return records;
    }

    synchronized long distinct() {
        return seen.cardinality();
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long mangled() {
        return mangled;
    }

    synchronized List<String> mangledSamples() {
        return List.copyOf(mangledSamples);
    }

    synchronized boolean has(long seq) {
        return seen.get((int) seq);
    }

    /** The highest number received, or -1. */
    synchronized long highest() {
        return seen.length() - 1;
    }

    /** Distinct numbers received in [from, to). */
    synchronized long receivedIn(long from, long to) {
        return seen.get((int) from, (int) to).cardinality();
    }

    /** Numbers received that {@code expected} does not hold, counted from {@code from}. */
    synchronized long receivedOutside(BitSet expected, long from) {
        BitSet outside = new BitSet();
        outside.or(seen);
        if (from > 0) {
            outside.clear(0, (int) from);
        }
        BitSet shifted = new BitSet();
        for (int i = expected.nextSetBit(0); i >= 0; i = expected.nextSetBit(i + 1)) {
            shifted.set((int) (i + from));
        }
        outside.andNot(shifted);
        return outside.cardinality();
    }

    /** Of the numbers {@code from + i} for each bit {@code i} of {@code expected}, how many never arrived. */
    synchronized long missing(BitSet expected, long from) {
        long missing = 0;
        for (int i = expected.nextSetBit(0); i >= 0; i = expected.nextSetBit(i + 1)) {
            if (!seen.get((int) (i + from))) {
                missing++;
            }
        }
        return missing;
    }

    synchronized BitSet snapshot() {
        return (BitSet) seen.clone();
    }

    /** Waits until the condition holds or the guard runs out; true if it holds. A guard, not a measure. */
    synchronized boolean await(Predicate<Ledger> condition, Duration guard) throws InterruptedException {
        long deadline = System.nanoTime() + guard.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, Math.min(left / 1_000_000, 100)));
        }
        return true;
    }

    @Override
    public synchronized String toString() {
        return records + " records" + (unseen > 0 ? " (and " + unseen + " counted, not shown)" : "") + " in "
                + batches + " batches: " + seen.cardinality() + " distinct numbers, highest "
                + (seen.length() - 1) + ", " + duplicates + " duplicated, " + mangled + " mangled"
                + (mangledSamples.isEmpty() ? "" : " " + mangledSamples);
    }
}
