package io.tweetpipe.bootstrap.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a stream job printed, read as it comes. Both jobs print batches the way Spark's {@code print()} does (a
 * {@code Time: <t> ms} header, then records); a printed record is a benchmark tweet, which starts with its send
 * time, so each printed record is a latency sample: when the harness read the line minus when the relay sent the
 * tweet. Counts come from {@code bench-batch <t> <count>} (tweetpipe) or from the tutorial's {@code count().print()}
 * (a block holding one number); delays from {@code bench-figures <t> <records> <processing ms> <scheduling ms>}.
 * Thread-safe.
 */
final class JobOutput {

    /** A printed tweet: send time, sequence number, the text. */
    private static final Pattern STAMPED = Pattern.compile("^(\\d{13}) (\\d+) .*");
    private static final Pattern HEADER = Pattern.compile("^Time: (\\d+) ms$");
    private static final Pattern NUMBER = Pattern.compile("^(\\d+)$");
    private static final Pattern BATCH = Pattern.compile("^bench-batch (\\d+) (\\d+)$");
    private static final Pattern FIGURES = Pattern.compile("^bench-figures (\\d+) (-?\\d+) (\\d+) (\\d+)$");

    record Sample(long batchTime, long latencyMillis) {
    }

    record Figures(long batchTime, long records, long processingMillis, long schedulingMillis) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final Map<Long, Long> counts = new LinkedHashMap<>();
    private final List<Figures> figures = new ArrayList<>();
    private long batch = -1;
    private boolean blockHasRecords;
    private long processed;
    private long firstRecordReadAt = -1;
    private long firstHeaderReadAt = -1;
    private long lines;

    synchronized void accept(long readAt, String line) {
        lines++;
        Matcher m = STAMPED.matcher(line);
        if (m.matches()) {
            if (firstRecordReadAt < 0) {
                firstRecordReadAt = readAt;
            }
            blockHasRecords = true;
            samples.add(new Sample(batch, readAt - Long.parseLong(m.group(1))));
            return;
        }
        if ((m = HEADER.matcher(line)).matches()) {
            if (firstHeaderReadAt < 0) {
                firstHeaderReadAt = readAt;
            }
            batch = Long.parseLong(m.group(1));
            blockHasRecords = false;
        } else if ((m = NUMBER.matcher(line)).matches() && batch >= 0 && !blockHasRecords) {
            count(batch, Long.parseLong(m.group(1)));
        } else if ((m = BATCH.matcher(line)).matches()) {
            count(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } else if ((m = FIGURES.matcher(line)).matches()) {
            figures.add(new Figures(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
        }
    }

    private void count(long time, long count) {
        Long before = counts.put(time, count);
        processed += count - (before == null ? 0 : before);
    }

    /** Records the job output, over every batch so far. */
    synchronized long processed() {
        return processed;
    }

    synchronized long lines() {
        return lines;
    }

    /** When the first printed tweet was read, epoch ms; -1 before that. */
    synchronized long firstRecordReadAt() {
        return firstRecordReadAt;
    }

    synchronized long firstHeaderReadAt() {
        return firstHeaderReadAt;
    }

    /** The batch with the longest scheduling delay among those timed within [from, to], if any completed. */
    synchronized Figures worstScheduling(long from, long to) {
        Figures worst = null;
        for (Figures f : figures) {
            if (f.batchTime() >= from && f.batchTime() <= to
                    && (worst == null || f.schedulingMillis() > worst.schedulingMillis())) {
                worst = f;
            }
        }
        return worst;
    }

    synchronized int batchesCompleted(long from, long to) {
        int n = 0;
        for (Figures f : figures) {
            if (f.batchTime() >= from && f.batchTime() <= to) {
                n++;
            }
        }
        return n;
    }

    /** Latencies of the tweets printed by batches timed within [from, to], in ms, sorted. */
    synchronized List<Long> latencies(long from, long to) {
        List<Long> within = new ArrayList<>();
        for (Sample s : samples) {
            if (s.batchTime() >= from && s.batchTime() <= to) {
                within.add(s.latencyMillis());
            }
        }
        within.sort(null);
        return within;
    }
}
