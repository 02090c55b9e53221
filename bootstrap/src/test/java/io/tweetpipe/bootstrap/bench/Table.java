package io.tweetpipe.bootstrap.bench;

import io.tweetpipe.bootstrap.bench.BenchSuite.Job;
import io.tweetpipe.bootstrap.bench.BenchSuite.Phase;
import io.tweetpipe.bootstrap.bench.BenchSuite.Search;
import io.tweetpipe.bootstrap.bench.BenchSuite.Trial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The suite's figures, and the one table they make: each figure side by side, each target met or missed. */
final class Table {

    private final long batchMillis;
    Map<String, Double> relay;
    private final Map<Job, List<Long>> startups = new HashMap<>();
    private final Map<Job, List<Long>> firstTweets = new HashMap<>();
    private final Map<String, Trial> latencies = new HashMap<>();
    private final Map<Job, Search> sustained = new HashMap<>();
    private final Map<Phase, List<Variant>> sections = new LinkedHashMap<>();
    Search oneReceiver;
    Search oneReceiverThreeThreads;
    Search twoReceivers;
    String receiversPending;

    /** One variant of tweetpipe's job as a phase measured it: its search, and its 100,000 tweets/s window if any. */
    record Variant(Job job, Search search, Trial fixed) {
    }

    Table(long batchMillis) {
        this.batchMillis = batchMillis;
    }

    void startup(Job job, Trial trial) {
        if (trial.firstBatchMillis() > 0) {
            startups.computeIfAbsent(job, j -> new ArrayList<>()).add(trial.firstBatchMillis());
        }
        if (trial.firstTweetsMillis() > 0) {
            firstTweets.computeIfAbsent(job, j -> new ArrayList<>()).add(trial.firstTweetsMillis());
        }
    }

    void latency(Job job, double rate, Trial trial) {
        latencies.put(job.key() + (long) rate, trial);
    }

    void sustained(Job job, Search search) {
        sustained.put(job, search);
    }

    Search sustainedOf(Job job) {
        return sustained.get(job);
    }

    void section(Phase phase, List<Variant> variants) {
        sections.put(phase, variants);
    }

    String render(String date, BenchSuite.Mode mode, double loadAtStart, double loadAtEnd, String machine,
                  double meanWireBytes) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "tweetpipe benchmark, %s UTC, %s mode (%.0f s measured after %.0f s of "
                + "warm-up)%n", date, mode.name(), mode.measureSeconds(), mode.warmupSeconds()));
        t.append(String.format(Locale.ROOT, "machine: %s; load average (1 min) %.2f at the start, %.2f at the end%n",
                machine, loadAtStart, loadAtEnd));
        t.append(String.format(Locale.ROOT, "both jobs: local[2], %d ms batches, -Xmx1g, Spark's JVM flags, a JVM "
                + "each, fed by one relay process (tweetpipe's SocketRelay), tweets of 100-280 characters, %.0f bytes "
                + "on the wire on average%n%n", batchMillis, meanWireBytes));
        t.append("| figure | tweetpipe | plain tutorial job | ratio | target | verdict |\n");
        t.append("|---|--:|--:|--:|---|---|\n");

        Search ours = sustained.get(Job.TWEETPIPE);
        Search plain = sustained.get(Job.PLAIN);
        if (ours != null || plain != null) {
            double ratio = ratio(held(ours), held(plain));
            row(t, "max sustained rate, tweets/s (a)", rate(ours), rate(plain), ratio, "≥ 2x", verdict(ratio, 2, true));
        }
        for (double r : new double[] {10_000, 100_000}) {
            Trial a = latencies.get(Job.TWEETPIPE.key() + (long) r);
            Trial b = latencies.get(Job.PLAIN.key() + (long) r);
            if (a == null && b == null) {
                continue;
            }
            double p99 = percentile(a, 99);
            double ratio = ratio(p99, percentile(b, 99));
            String target = r == 100_000 ? "p99 ≤ " + number(batchMillis + 300) + " ms" : "";
            String verdict = r == 100_000 ? verdict(p99 <= 0 ? Double.NaN : (batchMillis + 300) / p99, 1, true) : "";
            row(t, String.format(Locale.ROOT, "latency p50 / p99 at %s tweets/s, ms (b)", number(r)),
                    latency(a), latency(b), ratio, target, verdict);
        }
        Trial memoryOurs = latencies.get(Job.TWEETPIPE.key() + 100_000);
        Trial memoryPlain = latencies.get(Job.PLAIN.key() + 100_000);
        if (memoryOurs != null || memoryPlain != null) {
            double ratio = ratio(megabytes(memoryOurs), megabytes(memoryPlain));
            row(t, "peak resident memory at 100,000 tweets/s, MB (c)", megabytesText(memoryOurs),
                    megabytesText(memoryPlain), ratio, "≤ 0.75x", verdict(ratio, 0.75, false));
        }
        if (!startups.isEmpty()) {
            double a = median(startups.get(Job.TWEETPIPE));
            double b = median(startups.get(Job.PLAIN));
            double ratio = ratio(a, b);
            row(t, "first printed batch after process start, s (d)", seconds(a, startups.get(Job.TWEETPIPE)),
                    seconds(b, startups.get(Job.PLAIN)), ratio, "≤ 1x", verdict(ratio, 1, false));
            double c = median(firstTweets.get(Job.TWEETPIPE));
            double d = median(firstTweets.get(Job.PLAIN));
            row(t, "first printed tweets after process start, s (d)", seconds(c, firstTweets.get(Job.TWEETPIPE)),
                    seconds(d, firstTweets.get(Job.PLAIN)), ratio(c, d), "", "");
        }
        if (relay != null && !relay.isEmpty()) {
            t.append("\n| relay alone, one reader (e) | tweetpipe's relay | plain loopback pair | ratio | target | "
                    + "verdict |\n|---|--:|--:|--:|---|---|\n");
            double tweets = ratio(relay.getOrDefault("relay.tweets", -1.0), relay.getOrDefault("loopback.tweets",
                    -1.0));
            row(t, "tweets/s", number(relay.getOrDefault("relay.tweets", -1.0)),
                    number(relay.getOrDefault("loopback.tweets", -1.0)), tweets, "≥ 0.5x", verdict(tweets, 0.5, true));
            row(t, "MB/s", number(relay.getOrDefault("relay.mb", -1.0)), number(relay.getOrDefault("loopback.mb",
                    -1.0)), ratio(relay.getOrDefault("relay.mb", -1.0), relay.getOrDefault("loopback.mb", -1.0)),
                    "", "");
        }
        if (twoReceivers != null || receiversPending != null) {
            t.append("\n| several receivers, tweetpipe (f) | one receiver, local[2] | one receiver, local[3] | two "
                    + "receivers, local[3] | two against one, local[3] |\n|---|--:|--:|--:|--:|\n");
            t.append("| max sustained rate, tweets/s | ").append(rate(oneReceiver)).append(" | ")
                    .append(twoReceivers != null ? rate(oneReceiverThreeThreads) : "").append(" | ")
                    .append(twoReceivers != null ? rate(twoReceivers) : receiversPending).append(" | ")
                    .append(twoReceivers != null ? ratioText(ratio(held(twoReceivers), held(oneReceiverThreeThreads)))
                            : "").append(" |\n");
        }
        char note = 'g';
        for (Map.Entry<Phase, List<Variant>> section : sections.entrySet()) {
            section(t, section.getKey(), section.getValue(), ours, note++);
        }
        t.append("\n");
        if (ours != null || plain != null) {
            List<String> searches = new ArrayList<>();
            if (ours != null) {
                searches.add("tweetpipe " + trials(ours));
            }
            if (plain != null) {
                searches.add("plain " + trials(plain));
            }
            t.append("(a) the highest relay rate held for the measured window after a warm-up in which the rate "
                    + "climbs from nothing: every tweet the relay handed on was processed (output count = tweets "
                    + "sent less what the relay dropped in the warm-up), the relay dropped none after the warm-up, "
                    + "and every batch of the window was scheduled within one batch interval; tweets shed in the "
                    + "warm-up are in the trials below. Rates doubled until one failed, then bisected to "
                    + String.format(Locale.ROOT,
                    "%.0f", (mode.precision() - 1) * 100) + " %. Trials: " + String.join("; ", searches) + ".\n");
        }
        if (!latencies.isEmpty()) {
            t.append("(b) from the relay's send (a time stamp in the tweet's text) to the harness reading the "
                    + "printed record on the job's standard output, over the tweets each batch prints (its first "
                    + "ten, which are its oldest: the p50 is pessimistic, the p99 is the batch's worst) in the "
                    + "measured window" + latencySampleSizes() + ".\n");
            t.append("(c) VmHWM of the job's process at the end of the 100,000 tweets/s run.\n");
        }
        if (!startups.isEmpty()) {
            t.append("(d) from starting the job's JVM to reading its first printed batch header (Spark's \"Time: "
                    + "... ms\"), and its first printed tweet; the relay already listening, 10,000 tweets/s from the "
                    + "moment the receiver connects; median of " + startupCount() + " runs, each run in brackets. "
                    + "Batches fall on whole intervals of the wall clock, so where in an interval a job is launched "
                    + "moves its first batch by up to an interval: both jobs are launched at the same phases, "
                    + "spread evenly over one interval.\n");
        }
        if (relay != null && !relay.isEmpty()) {
            t.append("(e) one publishing thread and one reader counting newlines, rounds alternated, median round; "
                    + "the relay's publisher yields while the reader's buffer is half full, so it delivers, not drops"
                    + (relay.getOrDefault("relay.misses", 0.0) > 0
                    ? String.format(Locale.ROOT, " (%,.0f missed all the same)", relay.get("relay.misses")) : "")
                    + (relay.containsKey("encoding.tweets") ? String.format(Locale.ROOT, "; a plain writer that "
                    + "encodes each tweet to UTF-8 as the relay must (Frame.bytes()) reaches %s tweets/s (%s MB/s)",
                    number(relay.get("encoding.tweets")), number(relay.get("encoding.mb"))) : "") + ".\n");
        }
        if (twoReceivers != null) {
            t.append("(f) the same search with the rate split over two relay sockets read by two receivers, "
                    + "unioned (local[3]: the cores rule wants more threads than receivers), against one receiver "
                    + "on local[3] and on local[2]. Trials, one receiver on local[3]: "
                    + trials(oneReceiverThreeThreads) + "; two receivers: " + trials(twoReceivers) + ".\n");
        } else if (receiversPending != null) {
            t.append("(f) " + receiversPending + "; the harness runs it once --relays host:port,host:port parses.\n");
        }
        note = 'g';
        for (Map.Entry<Phase, List<Variant>> section : sections.entrySet()) {
            List<String> each = new ArrayList<>();
            section.getValue().forEach(v -> each.add(v.job().label() + ": " + trials(v.search())));
            t.append("(").append(note++).append(") ").append(section.getKey().note()).append("; searched as in (a)")
                    .append(section.getKey().fixedRate() ? ", memory from a 100,000 tweets/s window as in (c)" : "")
                    .append(". Trials, ").append(String.join("; ", each)).append(".\n");
        }
        return t.toString();
    }

    /**
     * A phase's variants, a row each: the highest sustained rate beside the plain tweetpipe job's, the memory and
     * the figure when the phase has them, and the target when the issue gives one.
     */
    private void section(StringBuilder t, Phase phase, List<Variant> variants, Search ours, char note) {
        Trial oursAt100k = latencies.get(Job.TWEETPIPE.key() + 100_000);
        t.append("\n| ").append(phase.title()).append(" (").append(note).append(") | max sustained rate, tweets/s | "
                + "plain tweetpipe job | ratio |");
        StringBuilder rule = new StringBuilder("|---|--:|--:|--:|");
        if (phase.fixedRate()) {
            t.append(" peak RSS at 100,000 tweets/s, MB |");
            rule.append("--:|");
        }
        if (phase.figure() != null) {
            t.append(" ").append(phase.figure()).append(" |");
            rule.append("--:|");
        }
        t.append(" target | verdict |\n").append(rule).append("---|---|\n");
        for (Variant v : variants) {
            double held = held(v.search());
            t.append("| ").append(v.job().label()).append(" | ").append(rate(v.search())).append(" | ")
                    .append(rate(ours)).append(" | ").append(ratioText(ratio(held, held(ours)))).append(" |");
            if (phase.fixedRate()) {
                double ratio = ratio(megabytes(v.fixed()), megabytes(oursAt100k));
                t.append(" ").append(megabytesText(v.fixed()))
                        .append(Double.isNaN(ratio) ? "" : " (" + ratioText(ratio) + ")").append(" |");
            }
            if (phase.figure() != null) {
                Trial measured = phase.fixedRate() ? v.fixed() : heldTrial(v.search());
                t.append(" ").append(measured == null ? "" : number(measured.perSecond())
                        + (measured.sustained() || measured.why().isEmpty() ? "" : " (not sustained: "
                        + measured.why() + ")")).append(" |");
            }
            boolean target = phase.target() > 0;
            t.append(" ").append(target ? "≥ " + number(phase.target()) : "").append(" | ")
                    .append(!target ? "" : Double.isNaN(held) ? "not measured" : held >= phase.target() ? "met"
                            : "missed").append(" |\n");
        }
    }

    /** The trial of the highest rate that held, if any did. */
    private static Trial heldTrial(Search search) {
        return search == null ? null : search.trials().stream().filter(Trial::sustained)
                .filter(trial -> trial.rate() == search.held()).findFirst().orElse(null);
    }

    private static String ratioText(double ratio) {
        return Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static void row(StringBuilder t, String figure, String a, String b, double ratio, String target,
                            String verdict) {
        t.append("| ").append(figure).append(" | ").append(a).append(" | ").append(b).append(" | ")
                .append(Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2fx", ratio)).append(" | ")
                .append(target).append(" | ").append(verdict).append(" |\n");
    }

    /** Met or missed, with the ratio; {@code higherIsBetter} says which side of the bound is good. */
    static String verdict(double ratio, double bound, boolean higherIsBetter) {
        if (Double.isNaN(ratio)) {
            return "not measured";
        }
        boolean met = higherIsBetter ? ratio >= bound : ratio <= bound;
        return met ? "met" : String.format(Locale.ROOT, "missed (%.2fx against %.2fx)", ratio, bound);
    }

    private static double ratio(double a, double b) {
        return a > 0 && b > 0 ? a / b : Double.NaN;
    }

    private static double held(Search search) {
        return search == null ? Double.NaN : search.held();
    }

    private static String rate(Search search) {
        if (search == null) {
            return "";
        }
        return number(search.held()) + (Double.isInfinite(search.failed()) ? " (none failed)"
                : " (fails at " + number(search.failed()) + ")");
    }

    private static String trials(Search search) {
        List<String> each = new ArrayList<>();
        for (Trial trial : search.trials()) {
            each.add(number(trial.rate()) + (trial.sustained() ? " held" : " failed: " + trial.why())
                    + (trial.droppedInWarmup() > 0 ? " (" + number(trial.droppedInWarmup()) + " shed in warm-up)"
                    : ""));
        }
        return String.join(", ", each);
    }

    static double percentile(Trial trial, double p) {
        if (trial == null || trial.latencies().isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = trial.latencies();
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static String latency(Trial trial) {
        if (trial == null) {
            return "";
        }
        if (trial.latencies().isEmpty()) {
            return "no samples" + (trial.why().isEmpty() ? "" : " (" + trial.why() + ")");
        }
        return number(percentile(trial, 50)) + " / " + number(percentile(trial, 99))
                + (trial.sustained() ? "" : " (not sustained: " + trial.why() + ")");
    }

    private String latencySampleSizes() {
        List<String> sizes = new ArrayList<>();
        latencies.forEach((key, trial) -> sizes.add(key.replaceAll("(\\d+)$", " at $1/s") + ": "
                + trial.latencies().size()));
        sizes.sort(null);
        return sizes.isEmpty() ? "" : " (samples: " + String.join(", ", sizes) + ")";
    }

    private static double megabytes(Trial trial) {
        return trial == null || trial.peakResidentBytes() <= 0 ? Double.NaN : trial.peakResidentBytes() / 1e6;
    }

    private static String megabytesText(Trial trial) {
        double mb = megabytes(trial);
        return Double.isNaN(mb) ? "" : number(mb);
    }

    private int startupCount() {
        return startups.values().stream().mapToInt(List::size).max().orElse(0);
    }

    private static double median(List<Long> values) {
        if (values == null || values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String seconds(double millis, List<Long> all) {
        if (Double.isNaN(millis)) {
            return "";
        }
        List<String> each = new ArrayList<>();
        all.forEach(m -> each.add(String.format(Locale.ROOT, "%.1f", m / 1000.0)));
        return String.format(Locale.ROOT, "%.1f (%s)", millis / 1000, String.join(", ", each));
    }

    static String number(double value) {
        return Double.isNaN(value) || value < 0 ? "" : String.format(Locale.ROOT, "%,.0f", value);
    }
}
