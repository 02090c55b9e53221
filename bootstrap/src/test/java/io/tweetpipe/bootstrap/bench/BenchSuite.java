package io.tweetpipe.bootstrap.bench;

import io.tweetpipe.adapters.jdbc.PostgresServer;
import io.tweetpipe.bootstrap.testing.CommandLines;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark suite of issue 6: tweetpipe's stream job against the seed tutorial's way of writing it
 * ({@link PlainTutorialJob}), both fed by the same relay process ({@link LoadRelay}, the real socket relay), each
 * job a JVM of its own with Spark's JVM flags and a 1 GB heap, measured side by side in one run; and the relay
 * alone against a plain loopback writer ({@link RelayAlone}). Prints one table on standard output; progress, and
 * where each child's output was kept, on standard error. Never fails on a figure.
 *
 * <p>Run it with {@code bootstrap/scripts/bench.sh [--quick] [options]}; see {@link #USAGE}.
 */
public final class BenchSuite {

    static final String USAGE = """
            Usage: bootstrap/scripts/bench.sh [--quick] [--only PHASES] [--start-tweetpipe N] [--start-plain N]
              --quick              short windows (15 s measured after 10 s of warm-up, coarse search): for development
              --only PHASES        comma-separated subset of relay,startup,latency,sustained,receivers,analytics,
                                   sinks,learning,dashboard,kafka (default all)
              --start-tweetpipe N  first rate tried in tweetpipe's sustained-rate search (default 200000)
              --start-plain N      first rate tried in the plain job's search (default 200000)
              --batch-ms N         batch interval of both jobs (default 1000)
              --jobs LIST          tweetpipe,plain (default both)
              --wait-load X        first wait (30 minutes at most) for the 1-minute load average to fall below X
            """;

    private static final PrintStream LOG = System.err;
    private static final Pattern KEY_VALUE = Pattern.compile("(\\w+)=(-?\\d+)");

    /** What one trial needs beside the job and the relay: a store, a page reading the job's events. */
    @FunctionalInterface
    interface ProbeFactory {
        Probe open(BenchSuite suite, String tag) throws Exception;
    }

    /**
     * A job measured: the tutorial's, or tweetpipe's stream job with extra options, fed as {@code feed} says and read
     * besides its console as its probe says.
     */
    record Job(String key, String label, List<String> options, Feed feed, ProbeFactory probe) {

        static final Job TWEETPIPE = tweetpipe("tweetpipe", "plain tweetpipe job");
        static final Job PLAIN = tweetpipe("plain", "plain tutorial job");
        /** tweetpipe's stream job with the analytics issue's load: two trends over 60 s windows and a SQL group-by. */
        static final Job ANALYTICS = tweetpipe("analytics", "with trends and SQL", "--trends", "hashtags,words",
                "--window", "60s", "--slide", "10s", "--sql", "SELECT lang, count(*) AS n FROM tweets GROUP BY lang");
        static final Job FILES = new Job("files", "files (JSON lines)", List.of(), Feed.TEXT,
                (suite, tag) -> new Probe.FileSink(suite.out.resolve(tag + "-files")));
        static final Job DB = new Job("db", "the embedded database (SQLite)", List.of(), Feed.TEXT,
                (suite, tag) -> Probe.Database.sqlite(suite.out.resolve(tag + ".db")));
        static final Job POSTGRES = new Job("postgres", "PostgreSQL", List.of(), Feed.TEXT, BenchSuite::postgres);
        static final Job LEARNING = new Job("learning", "streaming k-means (k = 9) and the online classifier",
                List.of("--clusters", "9", "--classifier"), Feed.STRUCTURED, (suite, tag) -> Probe.NONE);
        static final Job PAGE = new Job("dashboard", "dashboard on, a page open", List.of(), Feed.TEXT,
                (suite, tag) -> new Probe.Page(freePort()));

        static Job kafka(int partitions) {
            return new Job("kafka" + partitions, "Kafka, " + partitions + (partitions == 1 ? " partition"
                    : " partitions"), List.of(), Feed.kafka(partitions), (suite, tag) -> Probe.NONE);
        }

        private static Job tweetpipe(String key, String label, String... options) {
            return new Job(key, label, List.of(options), Feed.TEXT, (suite, tag) -> Probe.NONE);
        }

        /** The jobs {@code --jobs} names. */
        static Job named(String key) {
            return java.util.stream.Stream.of(TWEETPIPE, PLAIN).filter(job -> job.key.equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no job " + key + ": tweetpipe or plain"));
        }
    }

    /**
     * A phase that measures variants of tweetpipe's stream job the same way: each one's highest sustained rate
     * beside the plain tweetpipe job's, and with {@code fixedRate} a 100,000 tweets/s window for its memory and its
     * figure (what its probe reads per second; else the figure comes from the highest rate held).
     *
     * @param target the lowest rate that meets the target, or 0 when it gives none
     * @param figure the heading of the probe's figure, or null when it reads none
     */
    record Phase(String name, String title, String note, double target, String figure, boolean fixedRate,
                 List<Job> variants) {
    }

    static final List<Phase> PHASES = List.of(
            new Phase("analytics", "analytics", "tweetpipe's stream job with --trends hashtags,words (60 s windows "
                    + "sliding by 10 s, reduceByKeyAndWindow with its inverse, checkpointed) and --sql \"SELECT lang, "
                    + "count(*) AS n FROM tweets GROUP BY lang\" over every batch", 250_000, null, true,
                    List.of(Job.ANALYTICS)),
            new Phase("sinks", "stores (issue 12)", "each store beside the console the harness reads: --sinks files "
                    + "--files-dir DIR, --sinks db --db-file FILE, --sinks postgres --jdbc-url URL (a PostgreSQL 14 "
                    + "server the harness starts from zonky's binaries, on loopback, a database per trial). Stored "
                    + "per second: the rows (JSON lines for files) of the batches timed within the measured window "
                    + "of the 100,000 tweets/s trial, over the window, counted once the job has stopped", 0,
                    "tweets stored per second at 100,000 tweets/s", true, List.of(Job.FILES, Job.DB, Job.POSTGRES)),
            new Phase("learning", "learning (issue 13)", "--clusters 9 --classifier: streaming k-means (half-life "
                    + "30 s) and the online naive Bayes classifier, test-then-train, fed the structured wire, whose "
                    + "records carry a language (five, in turn, not the text's: the figure is what learning "
                    + "costs, not how well it learns)", 0, null, false, List.of(Job.LEARNING)),
            new Phase("dashboard", "dashboard (issue 14)", "--dashboard-port PORT, with a client on the page's "
                    + "Server-Sent Events (/events) from the job's start to the end of each trial, reading every "
                    + "event as the page's EventSource does (without drawing); events read per second over the "
                    + "measured window of the highest rate held", 0, "events the page read per second", false,
                    List.of(Job.PAGE)),
            new Phase("kafka", "Kafka transport (issue 15)", "the load generator publishes through tweetpipe's "
                    + "Kafka publisher (idempotent, acks=all, keyed) to a topic of that many partitions on a "
                    + "single-node KRaft broker in the relay's process; the job reads it with --transport kafka "
                    + "--kafka-start earliest (the direct stream, no receiver: both cores of local[2] process); the "
                    + "broker and the generator share the machine's two cores with the job. The job never pushes "
                    + "back on the publisher, so a rate holds when the publisher dropped nothing after the warm-up "
                    + "(its bounded buffer full), every batch was scheduled within its interval and every tweet "
                    + "published was processed", 0, null, false,
                    List.of(Job.kafka(1), Job.kafka(2), Job.kafka(4))));

    static final String ALL_PHASES = "relay,startup,latency,sustained,receivers," + String.join(",",
            PHASES.stream().map(Phase::name).toList());

    /** How long each window is, and how fine the search. */
    record Mode(String name, double warmupSeconds, double measureSeconds, double precision, int startupRuns,
                double relaySeconds, int relayRounds) {
        static final Mode FULL = new Mode("full", 10, 60, 1.10, 9, 5, 3);
        static final Mode QUICK = new Mode("quick", 10, 15, 1.30, 1, 2, 3);
    }

    /** One run of one job at one rate. */
    record Trial(Job job, double rate, int relays, boolean sustained, String why, long published, long processed,
                 long droppedInWarmup, long worstSchedulingMillis, List<Long> latencies, long peakResidentBytes,
                 long firstBatchMillis, long firstTweetsMillis, double perSecond) {
    }

    /** A sustained-rate search: the highest rate that held, the lowest that did not. */
    record Search(double held, double failed, List<Trial> trials) {
    }

    private final Path dist;
    private final Path out;
    private final Mode mode;
    private final long batchMillis;
    private final List<String> sparkFlags;
    private final List<String> launcherFlags;
    private final List<Job> jobs;
    private String build = "";
    private int trialCount;
    private volatile PostgresServer postgres;

    BenchSuite(Path root, Path dist, Path out, Mode mode, long batchMillis, List<Job> jobs) throws IOException {
        this.jobs = jobs;
        this.dist = dist;
        this.out = out;
        this.mode = mode;
        this.batchMillis = batchMillis;
        this.sparkFlags = sparkFlags(root.resolve("pom.xml"));
        this.launcherFlags = launcherFlags(root.resolve("tweetpipe"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only", "--jobs", "--wait-load", "--build", "--start-tweetpipe", "--start-plain", "--batch-ms", "--dist", "--root",
                     "--out" -> {
                    if (i + 1 >= args.length) {
                        usage(args[i] + " needs a value");
                    }
                    options.put(args[i], args[++i]);
                }
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> usage("unknown option " + args[i]);
            }
        }
        Path root = Path.of(options.getOrDefault("--root", ".")).toAbsolutePath().normalize();
        Path dist = Path.of(options.getOrDefault("--dist", "bootstrap/target/bench-dist")).toAbsolutePath();
        if (options.containsKey("--wait-load")) {
            waitForCalm(Double.parseDouble(options.get("--wait-load")), TimeUnit.MINUTES.toMillis(30));
        }
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path out = Path.of(options.getOrDefault("--out", "bootstrap/target/bench/" + stamp)).toAbsolutePath();
        Files.createDirectories(out.resolve("tmp"));
        List<String> phases = Arrays.asList(options.getOrDefault("--only", ALL_PHASES).split(","));
        List<Job> jobs = Arrays.stream(options.getOrDefault("--jobs", "tweetpipe,plain").split(","))
                .map(name -> Job.named(name.strip().toLowerCase(Locale.ROOT))).toList();
        BenchSuite suite = new BenchSuite(root, dist, out, quick ? Mode.QUICK : Mode.FULL,
                Long.parseLong(options.getOrDefault("--batch-ms", "1000")), jobs);
        suite.build = options.getOrDefault("--build", "");
        String table = suite.run(phases, Double.parseDouble(options.getOrDefault("--start-tweetpipe", "200000")),
                Double.parseDouble(options.getOrDefault("--start-plain", "200000")));
        System.out.print(table);
        System.out.flush();
        Files.writeString(out.resolve("table.md"), table, StandardCharsets.UTF_8);
        LOG.println("bench: the table is also in " + out.resolve("table.md") + "; every child's output in " + out);
        System.exit(0);
    }

    /** The machine is shared: waits until its load falls below {@code limit}, or gives up waiting and says so. */
    private static void waitForCalm(double limit, long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        double load = loadAverage();
        while (load >= limit && System.currentTimeMillis() < deadline) {
            LOG.printf("bench: load average %.2f, waiting for it to fall below %.2f%n", load, limit);
            TimeUnit.SECONDS.sleep(30);
            load = loadAverage();
        }
        LOG.printf("bench: load average %.2f: %s%n", load, load < limit ? "starting" : "starting all the same");
    }

    private static void usage(String problem) {
        System.err.println("bench: " + problem);
        System.err.print(USAGE);
        System.exit(2);
    }

    String run(List<String> phases, double startTweetpipe, double startPlain) throws Exception {
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        double loadAtStart = loadAverage();
        LOG.printf("bench: %s mode, load average %.2f, output in %s%n", mode.name(), loadAtStart, out);
        Table table = new Table(batchMillis);

        if (phases.contains("relay")) {
            table.relay = relayAlone();
        }
        if (phases.contains("startup")) {
            for (int i = 0; i < mode.startupRuns(); i++) {
                // Spark's first batch falls on the first whole interval of the wall clock after the context starts,
                // so where in an interval a job is launched moves its first batch by up to an interval: both jobs
                // are launched at the same phases, spread evenly over one interval.
                long phase = i * batchMillis / mode.startupRuns();
                for (Job job : jobs) {
                    table.startup(job, trial(job, 10_000, 1, "local[2]", Ending.FIRST_RECORD, phase));
                }
            }
        }
        if (phases.contains("latency")) {
            for (double rate : new double[] {10_000, 100_000}) {
                for (Job job : jobs) {
                    table.latency(job, rate, trial(job, rate, 1, "local[2]", Ending.WINDOW));
                }
            }
        }
        if (phases.contains("sustained")) {
            for (Job job : jobs) {
                table.sustained(job, search(job, job == Job.TWEETPIPE ? startTweetpipe : startPlain, 1, "local[2]"));
            }
        }
        try {
            for (Phase phase : PHASES) {
                if (phases.contains(phase.name())) {
                    table.section(phase, variants(phase, table, startTweetpipe));
                }
            }
        } finally {
            closePostgres();
        }
        if (phases.contains("receivers")) {
            if (!severalRelaysSupported()) {
                table.oneReceiver = table.sustainedOf(Job.TWEETPIPE);
                table.receiversPending = "pending: this build's command line has no --relays (several receivers)";
                LOG.println("bench: " + table.receiversPending);
            } else {
                Search one = table.sustainedOf(Job.TWEETPIPE);
                if (one == null) {
                    one = search(Job.TWEETPIPE, startTweetpipe, 1, "local[2]");
                }
                table.oneReceiver = one;
                // Two receivers need local[3]; one receiver on local[3] tells the receivers' share from the thread's.
                table.oneReceiverThreeThreads = search(Job.TWEETPIPE, Math.max(one.held(), 50_000), 1, "local[3]");
                table.twoReceivers = search(Job.TWEETPIPE, Math.max(one.held(), 50_000), 2, "local[3]");
            }
        }
        double loadAtEnd = loadAverage();
        return table.render(started, mode, loadAtStart, loadAtEnd, machine() + build(), BenchTweets.meanWireBytes(
                BenchTweets.templates(io.tweetpipe.domain.framing.Wire.TEXT)));
    }

    /**
     * Each variant's highest sustained rate, started from the target (else the plain tweetpipe job's rate, measured
     * first when this run has not yet), and its 100,000 tweets/s window when the phase takes one.
     */
    private List<Table.Variant> variants(Phase phase, Table table, double startTweetpipe) throws Exception {
        Search plain = table.sustainedOf(Job.TWEETPIPE);
        if (plain == null) {
            plain = search(Job.TWEETPIPE, startTweetpipe, 1, "local[2]");
            table.sustained(Job.TWEETPIPE, plain);
        }
        double start = phase.target() > 0 ? phase.target() : Math.max(round(plain.held()), 50_000);
        List<Table.Variant> measured = new ArrayList<>();
        for (Job job : phase.variants()) {
            Search search = search(job, start, 1, "local[2]");
            Trial fixed = phase.fixedRate() ? trial(job, 100_000, 1, "local[2]", Ending.WINDOW) : null;
            measured.add(new Table.Variant(job, search, fixed));
        }
        return measured;
    }

    /** A database of its own on the harness's PostgreSQL server, started for the first trial that needs one. */
    private Probe postgres(String tag) throws IOException, InterruptedException, java.sql.SQLException {
        if (postgres == null) {
            LOG.print(" (starting PostgreSQL)");
            postgres = PostgresServer.start();
            // Its server is no child the harness ends by itself: stop it however the harness exits.
            Runtime.getRuntime().addShutdownHook(new Thread(this::closePostgres, "bench-postgres"));
        }
        String database = "bench_" + tag.replaceAll("\\W", "_");
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return Probe.Database.postgres("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + database,
                PostgresServer.USER, () -> {
                    try (Connection connection = postgres.connect();
                         Statement statement = connection.createStatement()) {
                        statement.execute("DROP DATABASE IF EXISTS " + database);
                    }
                });
    }

    private synchronized void closePostgres() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                LOG.println("bench: PostgreSQL did not stop cleanly: " + e);
            }
            postgres = null;
        }
    }

    /** When a trial ends. */
    enum Ending {
        /** A second after the first printed tweet: for the time to first batch. */
        FIRST_RECORD,
        /** After the whole window, however it went: for latency and memory. */
        WINDOW,
        /** At the first sign the rate is not sustained: for the search. */
        FIRST_FAILURE
    }

    private Search search(Job job, double start, int relays, String master) throws Exception {
        double held = 0;
        double failed = Double.POSITIVE_INFINITY;
        double rate = start;
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Trial t = trial(job, rate, relays, master, Ending.FIRST_FAILURE);
            trials.add(t);
            if (t.sustained()) {
                held = Math.max(held, rate);
            } else {
                failed = Math.min(failed, rate);
            }
            double next;
            if (failed == Double.POSITIVE_INFINITY) {
                next = rate * 2;
            } else if (held == 0) {
                if (rate <= 5_000) {
                    break;
                }
                next = rate / 2;
            } else {
                if (failed / held <= mode.precision()) {
                    break;
                }
                next = round(Math.sqrt(held * failed));
                if (next <= held || next >= failed) {
                    break;
                }
            }
            rate = next;
        }
        LOG.printf("bench: %s with %d receiver(s) on %s: holds %,.0f tweets/s, fails at %,.0f%n", job.key, relays,
                master, held, failed);
        return new Search(held, failed, trials);
    }

    /** Two significant figures: 283,000 becomes 280,000. */
    static double round(double rate) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rate)) - 1);
        return Math.round(rate / magnitude) * magnitude;
    }

    Trial trial(Job job, double rate, int relays, String master, Ending ending) throws Exception {
        return trial(job, rate, relays, master, ending, -1);
    }

    /** @param launchPhase how many ms into a batch interval of the wall clock the job is launched; -1: at once */
    Trial trial(Job job, double rate, int relays, String master, Ending ending, long launchPhase) throws Exception {
        String tag = String.format(Locale.ROOT, "%02d-%s-%d", ++trialCount, job.key, (long) rate);
        LOG.printf("bench: %s at %,.0f tweets/s%s (load %.2f) ...", job.key, rate,
                relays > 1 ? " over " + relays + " relays, " + master : "", loadAverage());
        RelayWatch relayWatch = new RelayWatch();
        JobOutput output = new JobOutput();
        Probe probe;
        try {
            probe = job.probe().open(this, tag);
        } catch (Exception e) {
            LOG.printf(" FAILED (could not prepare it: %s)%n", e);
            return new Trial(job, rate, relays, false, "could not prepare it: " + e, 0, 0, 0, -1, List.of(), -1, -1,
                    -1, Double.NaN);
        }
        Map<String, String> environment = new HashMap<>(probe.environment());
        environment.put("SPARK_LOCAL_IP", "127.0.0.1");
        double measure = ending == Ending.FIRST_RECORD ? 30 : mode.measureSeconds();
        double warmup = ending == Ending.FIRST_RECORD ? 0 : mode.warmupSeconds();
        String why = null;
        long peak = -1;
        long firstBatch = -1;
        long firstTweets = -1;
        long worst = -1;
        List<Long> latencies = List.of();
        double perSecond = Double.NaN;
        try (probe; Child relay = Child.start(tag + "-relay", relayCommand(rate, warmup, measure,
                job.feed().spec(relays)), environment, out, relayWatch::accept)) {
            if (!relayWatch.awaitFeed(relay, TimeUnit.SECONDS.toMillis(60))) {
                why = "the relay did not start (see " + tag + "-relay.err)";
            } else {
                if (launchPhase >= 0) {
                    TimeUnit.MILLISECONDS.sleep(Math.floorMod(launchPhase - System.currentTimeMillis(), batchMillis));
                }
                try (Child stream = Child.start(tag + "-job", jobCommand(job, relayWatch, master, probe.options()),
                        environment, out, output::accept)) {
                    probe.jobStarted();
                    why = watch(stream, relayWatch, output, ending, warmup + measure, job.feed());
                    peak = stream.peakResidentBytes();
                    if (output.firstHeaderReadAt() > 0) {
                        firstBatch = output.firstHeaderReadAt() - stream.startedAtMillis();
                    }
                    if (output.firstRecordReadAt() > 0) {
                        firstTweets = output.firstRecordReadAt() - stream.startedAtMillis();
                    }
                }
            }
            relay.stop("close", 10);
            // Read once the job has stopped, before the probe removes what it stored.
            if (relayWatch.measuringAt() > 0) {
                perSecond = perSecond(probe, relayWatch.measuringAt() + batchMillis, relayWatch.doneAt());
            }
        }
        long from = relayWatch.measuringAt() + batchMillis;
        long to = relayWatch.doneAt() > 0 ? relayWatch.doneAt() : Long.MAX_VALUE;
        if (relayWatch.measuringAt() > 0) {
            JobOutput.Figures w = output.worstScheduling(from, to);
            worst = w == null ? -1 : w.schedulingMillis();
            latencies = output.latencies(from, to);
        }
        boolean sustained = why == null && ending != Ending.FIRST_RECORD;
        Trial t = new Trial(job, rate, relays, sustained, why == null ? "" : why, relayWatch.published(),
                output.processed(), relayWatch.droppedInWarmup(), worst, latencies, peak, firstBatch, firstTweets,
                perSecond);
        LOG.printf(" %s%s; processed %,d of %,d (%,d shed in warm-up); worst scheduling delay %d ms; peak RSS %,d MB; "
                        + "first batch after %,d ms, first tweets after %,d ms%n",
                ending == Ending.FIRST_RECORD ? "done" : sustained ? "held" : "FAILED",
                why == null ? "" : " (" + why + ")", t.processed(), t.published(), t.droppedInWarmup(), worst,
                peak >> 20, firstBatch, firstTweets);
        return t;
    }

    /** What the probe read per second over the measured window, once the job has stopped; NaN when it could not. */
    private static double perSecond(Probe probe, long from, long to) {
        try {
            return to > from ? probe.perSecond(from, to) : Double.NaN;
        } catch (Exception e) {
            LOG.printf(" (could not read what the job stored: %s)", e);
            return Double.NaN;
        }
    }

    /** Follows a running trial; returns why the rate was not sustained, or null. Bounded in time. */
    private String watch(Child stream, RelayWatch relay, JobOutput output, Ending ending, double sendSeconds,
                         Feed feed)
            throws InterruptedException {
        long startedAt = System.currentTimeMillis();
        long guard = startedAt + TimeUnit.SECONDS.toMillis(120) + (long) (sendSeconds * 1000) + 30_000;
        long drain = TimeUnit.SECONDS.toMillis(15);
        String failure = null;
        while (true) {
            TimeUnit.MILLISECONDS.sleep(100);
            long now = System.currentTimeMillis();
            if (!stream.isAlive()) {
                return "the job exited with code " + stream.exitValue() + outOfMemory(stream);
            }
            if (relay.error() != null) {
                return relay.error();
            }
            if (ending == Ending.FIRST_RECORD) {
                if (output.firstRecordReadAt() > 0 && now - output.firstRecordReadAt() > 1_000) {
                    return null;
                }
            } else {
                // A job may shed load while it warms up (backpressure's first estimates come from cold batches);
                // from the measured window on, a single tweet the relay could not hand on fails the rate.
                long shedAfterWarmup = relay.measuringAt() > 0 ? relay.dropped() - relay.droppedInWarmup() : 0;
                if (failure == null && shedAfterWarmup > 0) {
                    // Kafka never pushes back: its publisher drops when the broker does not take records in time.
                    failure = String.format(feed.kafka() ? "the Kafka publisher dropped %,d tweets after the warm-up "
                            + "(its buffer full)" : "the job read too slowly: the relay missed %,d tweets after the "
                            + "warm-up", shedAfterWarmup);
                }
                if (failure == null && relay.maxLagMillis() > 1_000) {
                    failure = "the load generator fell " + relay.maxLagMillis() + " ms behind its schedule";
                }
                if (failure == null && relay.measuringAt() > 0) {
                    long to = relay.doneAt() > 0 ? relay.doneAt() : Long.MAX_VALUE;
                    JobOutput.Figures worst = output.worstScheduling(relay.measuringAt() + batchMillis, to);
                    if (worst != null && worst.schedulingMillis() >= batchMillis) {
                        failure = "scheduling delay " + worst.schedulingMillis() + " ms in batch "
                                + worst.batchTime();
                    }
                }
                if (failure != null && ending == Ending.FIRST_FAILURE) {
                    return failure;
                }
                if (relay.doneAt() > 0) {
                    // Every tweet the relay handed on was processed: published less what it dropped in warm-up.
                    long processed = output.processed();
                    long handedOn = relay.published() - relay.droppedInWarmup();
                    if (processed == handedOn) {
                        return failure;
                    }
                    if (processed > handedOn) {
                        return String.format("the job output %,d records for %,d tweets handed on", processed,
                                handedOn);
                    }
                    if (now - relay.doneAt() > drain) {
                        return failure != null ? failure : String.format("%,d of %,d tweets processed %d s after "
                                + "the last was sent", processed, handedOn, drain / 1000);
                    }
                }
            }
            if (now > guard) {
                return "no result within " + (guard - startedAt) / 1000 + " s";
            }
        }
    }

    private String outOfMemory(Child stream) {
        try {
            String err = Files.readString(out.resolve(stream.name() + ".err"), StandardCharsets.UTF_8);
            return err.contains("OutOfMemoryError") ? " (OutOfMemoryError)" : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private Map<String, Double> relayAlone() throws Exception {
        LOG.printf("bench: the relay alone against a plain loopback pair (load %.2f) ...%n", loadAverage());
        Map<String, Double> figures = new HashMap<>();
        List<String> command = java("-Xmx1g", RelayAlone.class.getName(), Double.toString(mode.relaySeconds()),
                Integer.toString(mode.relayRounds()));
        try (Child alone = Child.start(String.format("%02d-relay-alone", ++trialCount), command, Map.of(), out,
                (at, line) -> {
                    String[] words = line.split(" ");
                    if (words.length >= 4 && words[0].equals("alone")) {
                        synchronized (figures) {
                            figures.put(words[1] + ".tweets", Double.parseDouble(words[2]));
                            figures.put(words[1] + ".mb", Double.parseDouble(words[3]));
                            if (words.length > 4) {
                                figures.put(words[1] + ".misses", Double.parseDouble(words[4]));
                            }
                        }
                    }
                })) {
            long deadline = System.currentTimeMillis()
                    + (long) (mode.relaySeconds() * mode.relayRounds() * 2 * 1000) + 60_000;
            while (alone.isAlive() && System.currentTimeMillis() < deadline) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        synchronized (figures) {
            LOG.printf("bench: relay %,.0f tweets/s, loopback %,.0f tweets/s%n",
                    figures.getOrDefault("relay.tweets", -1.0), figures.getOrDefault("loopback.tweets", -1.0));
            return new HashMap<>(figures);
        }
    }

    /** Whether tweetpipe's command line takes several relays (several receivers, unioned). */
    static boolean severalRelaysSupported() {
        return CommandLines.config("stream", "--master", "local[3]", "--relays", "127.0.0.1:5555,127.0.0.1:5556").isValid();
    }

    private List<String> relayCommand(double rate, double warmup, double measure, String feed) {
        return java("-Xmx512m", LoadRelay.class.getName(), Double.toString(rate), Double.toString(warmup),
                Double.toString(measure), feed);
    }

    private List<String> jobCommand(Job job, RelayWatch relay, String master, List<String> probeOptions) {
        List<Integer> ports = relay.ports();
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(sparkFlags);
        if (job != Job.PLAIN) {
            command.addAll(launcherFlags);  // tweetpipe as its launcher starts it; the tutorial's job as Java does
        }
        command.add("-Xmx1g");
        // Spark's scratch space (spark.local.dir defaults to it) under this run's folder, whatever kills the job.
        command.add("-Djava.io.tmpdir=" + out.resolve("tmp"));
        command.add("-cp");
        command.add(classPath());
        if (job != Job.PLAIN) {
            command.addAll(List.of(TweetpipeJob.class.getName(), "stream", "--batch-interval", batchMillis + "ms",
                    "--master", master));
            command.addAll(job.options());
            command.addAll(probeOptions);
            if (relay.kafka() != null) {
                command.addAll(List.of("--transport", "kafka", "--kafka-bootstrap", relay.kafka(), "--kafka-topic",
                        LoadRelay.TOPIC, "--kafka-group", LoadRelay.GROUP, "--kafka-start", "earliest"));
            } else if (ports.size() == 1) {
                command.addAll(List.of("--port", ports.get(0).toString()));
            } else {
                command.addAll(List.of("--relays", String.join(",", ports.stream().map(p -> "127.0.0.1:" + p)
                        .toList())));
            }
        } else {
            command.addAll(List.of(PlainTutorialJob.class.getName(), "127.0.0.1", ports.get(0).toString(),
                    Long.toString(batchMillis), master));
        }
        return command;
    }

    private List<String> java(String heap, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), heap, "-cp", classPath(), mainClass));
        command.addAll(Arrays.asList(args));
        return command;
    }

    private String classPath() {
        return dist.resolve("tweetpipe.jar") + java.io.File.pathSeparator + dist.resolve("test-classes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** What was measured: the checkout's commit (from the script) and when each tweetpipe jar was built. */
    private String build() {
        List<String> jars = new ArrayList<>();
        try (var files = Files.list(dist.resolve("lib"))) {
            files.filter(f -> f.getFileName().toString().matches("(domain|application|adapters-.*)-.*\\.jar"))
                    .sorted().forEach(f -> {
                        try {
                            jars.add(f.getFileName().toString().replaceAll("-\\d.*", "") + " "
                                    + DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC)
                                    .format(Files.getLastModifiedTime(f).toInstant()));
                        } catch (IOException e) {
                            jars.add(f.getFileName().toString());
                        }
                    });
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "; build: " + (build.isBlank() ? "" : "commit " + build + ", ") + "jars built at (UTC) "
                + String.join(", ", jars);
    }

    /** The JVM flags the launcher script ({@code tweetpipe}) adds: its {@code collector=} line. */
    public static List<String> launcherFlags(Path launcher) throws IOException {
        Matcher m = Pattern.compile("(?m)^collector=(\\S+)$").matcher(Files.readString(launcher,
                StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("no collector= line in " + launcher);
        }
        return List.of(m.group(1));
    }

    /** Spark's JVM flags, said once in the root pom ({@code spark.jvm.flags}), as the tests and the launcher use. */
    static List<String> sparkFlags(Path pom) throws IOException {
        Matcher m = Pattern.compile("<spark\\.jvm\\.flags>([^<]*)</spark\\.jvm\\.flags>")
                .matcher(Files.readString(pom, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("no spark.jvm.flags in " + pom);
        }
        return Arrays.asList(m.group(1).strip().split("\\s+"));
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    private static String machine() {
        long memory = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memory = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%d cores, %.0f GiB, %s %s", Runtime.getRuntime().availableProcessors(),
                memory / (double) (1L << 30), System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }

    /** What the relay process said, parsed as it comes. */
    static final class RelayWatch {
        private List<Integer> ports = List.of();
        private String kafka;
        private long sendingAt = -1;
        private long measuringAt = -1;
        private long doneAt = -1;
        private long published;
        private long misses;
        private long dropped;
        private long droppedInWarmup;
        private long maxLagMillis;
        private String error;

        synchronized void accept(long readAt, String line) {
            String[] words = line.split(" ");
            if (words.length < 2 || !words[0].equals("relay")) {
                return;
            }
            switch (words[1]) {
                case "ports" -> ports = Arrays.stream(words[2].split(",")).map(Integer::valueOf).toList();
                case "kafka" -> kafka = words[2];
                case "sending" -> sendingAt = Long.parseLong(words[2]);
                case "measuring" -> {
                    measuringAt = Long.parseLong(words[2]);
                    Matcher m = KEY_VALUE.matcher(line);
                    while (m.find()) {
                        if (m.group(1).equals("dropped")) {
                            droppedInWarmup = Long.parseLong(m.group(2));
                        }
                    }
                }
                case "error" -> error = "relay: " + line.substring("relay error ".length());
                case "progress", "done" -> {
                    Map<String, Long> values = new HashMap<>();
                    Matcher m = KEY_VALUE.matcher(line);
                    while (m.find()) {
                        values.put(m.group(1), Long.parseLong(m.group(2)));
                    }
                    published = values.getOrDefault("published", published);
                    misses = values.getOrDefault("misses", misses);
                    dropped = values.getOrDefault("dropped", dropped);
                    maxLagMillis = values.getOrDefault("maxLagMs", maxLagMillis);
                    if (words[1].equals("done")) {
                        doneAt = Long.parseLong(words[2]);
                    }
                }
                default -> {
                    // closed: nothing more to follow
                }
            }
            notifyAll();
        }

        /** Waits until the relay says where the job reads: its ports, or its Kafka broker. */
        synchronized boolean awaitFeed(Child relay, long timeoutMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (ports.isEmpty() && kafka == null && relay.isAlive() && System.currentTimeMillis() < deadline) {
                wait(100);
            }
            return !ports.isEmpty() || kafka != null;
        }

        synchronized List<Integer> ports() {
            return ports;
        }

        /** The Kafka broker's address, or null on the socket. */
        synchronized String kafka() {
            return kafka;
        }

        synchronized long sendingAt() {
            return sendingAt;
        }

        synchronized long measuringAt() {
            return measuringAt;
        }

        synchronized long doneAt() {
            return doneAt;
        }

        synchronized long published() {
            return published;
        }

        synchronized long misses() {
            return misses;
        }

        synchronized long dropped() {
            return dropped;
        }

        /** What the relay dropped (no reader could take it) before the measured window began. */
        synchronized long droppedInWarmup() {
            return droppedInWarmup;
        }

        synchronized long maxLagMillis() {
            return maxLagMillis;
        }

        synchronized String error() {
            return error;
        }
    }
}
