package io.tweetpipe.bootstrap.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fault suite's faults, longer, printed as one table: {@code bootstrap/scripts/fault-soak.sh} runs this. Each
 * fault runs the real relay as a process of its own (killed, cut off, stalled, flooded) and the real stream job; the
 * SIGTERM fault runs the whole product. A fault that fails prints why and the others still run.
 *
 * <p>Then driver recovery ({@link DriverRecovery}): the stream job killed and started again, without a checkpoint and
 * with one, and what the write-ahead log costs a steady stream, printed as a second table.
 *
 * <p>{@code FaultSoak [seconds] [uncapped] [recovery]}: how long each fault's main phase lasts (default 60);
 * {@code uncapped} adds, last, a flood against a stream job with backpressure off and no rate cap, which is expected
 * to fail (FaultFloodDefaultsTest shows the default holds); {@code recovery} runs only the driver recovery rows.
 */
public final class FaultSoak {

    private FaultSoak() {
    }

    public static void main(String[] args) throws IOException {
        Duration phase = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 60);
        Duration half = phase.dividedBy(2);
        Path dir = Files.createTempDirectory("fault-soak");
        Faults faults = new Faults(dir);
        double rate = 20_000;
        List<FaultReport> reports = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (!List.of(args).contains("recovery")) {
            others(faults, rate, phase, reports, failures);
        }
        DriverRecovery recovery = new DriverRecovery(dir);
        run("stream job killed, restarted", reports, failures,
                () -> recovery.streamJobKill(rate, half, half, false));
        run("stream job killed, restarted, --checkpoint", reports, failures,
                () -> recovery.streamJobKill(rate, half, half, true));
        run("stream job killed, restarted, --checkpoint, storing to files and PostgreSQL", reports, failures, () -> {
            try (io.tweetpipe.adapters.jdbc.PostgresServer postgres = io.tweetpipe.adapters.jdbc.PostgresServer
                    .start()) {
                return recovery.storingKill(rate, half, half, postgres.url(),
                        io.tweetpipe.adapters.jdbc.PostgresServer.USER);
            }
        });
        List<DriverRecovery.Cost> costs = new ArrayList<>();
        run("steady stream, no checkpoint", costs, failures, () -> recovery.logCost(rate, phase, false));
        run("steady stream, --checkpoint", costs, failures, () -> recovery.logCost(rate, phase, true));
        print(phase, rate, reports, failures);
        System.out.println();
        System.out.printf(Locale.ROOT, "The write-ahead log's cost: tweetpipe stream, %.0f tweets/s, load average "
                + "%s at the end%n", rate, loadAverage());
        System.out.print(DriverRecovery.Cost.table(costs));
        if (List.of(args).contains("uncapped")) {
            // Last, after the table: with backpressure off and no rate cap the job's memory grows until it fails,
            // and Spark may end this JVM when it does.
            List<FaultReport> uncapped = new ArrayList<>();
            List<String> uncappedFailures = new ArrayList<>();
            run("flood, no rate cap", uncapped, uncappedFailures,
                    () -> faults.floodAsTheProduct(phase, "--no-backpressure"));
            print(phase, rate, uncapped, uncappedFailures);
        }
        System.out.flush();
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static void others(Faults faults, double rate, Duration phase, List<FaultReport> reports,
                               List<String> failures) {
        Duration half = phase.dividedBy(2);
        run("relay killed, restarted", reports, failures,
                () -> faults.relayKill(rate, half, half, 8 << 20));
        run("reader's connection cut", reports, failures,
                () -> faults.receiverDrop(rate, half, half));
        run("reader stalled", reports, failures,
                () -> faults.stalledReader(rate, phase, 8 << 20, Duration.ofSeconds(30)));
        run("flood, every record checked", reports, failures, () -> faults.flood(half, "--backpressure"));
        run("flood, the product's sink", reports, failures,
                () -> faults.floodAsTheProduct(phase, "--backpressure"));
        run("SIGTERM to the demo", reports, failures,
                () -> faults.sigterm(50, phase, Duration.ofMillis(100)));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException unknown) {
            return "unknown";
        }
    }

    private static void print(Duration phase, double rate, List<FaultReport> reports, List<String> failures) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Fault soak: %d s phases, %.0f tweets/s where paced, loopback, %d cores%n",
                phase.toSeconds(), rate, Runtime.getRuntime().availableProcessors());
        System.out.print(FaultReport.table(reports));
        System.out.println();
        for (FaultReport report : reports) {
            System.out.println(report.fault() + ": " + new java.util.TreeMap<>(report.facts()));
        }
        for (String failure : failures) {
            System.out.println("FAILED " + failure);
        }
    }

    @FunctionalInterface
    private interface Fault<T> {
        T run() throws Exception;
    }

    private static <T> void run(String name, List<T> reports, List<String> failures, Fault<T> fault) {
        long started = System.nanoTime();
        System.out.println("== " + name + " (load average " + loadAverage() + ")");
        try {
            T report = fault.run();
            reports.add(report);
            System.out.println(report);
        } catch (Exception | AssertionError e) {
            failures.add(name + ": " + e);
            e.printStackTrace(System.out);
        }
        System.out.printf(Locale.ROOT, "   (%.0f s)%n", (System.nanoTime() - started) / 1e9);
    }
}
