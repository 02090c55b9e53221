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
 * <p>{@code FaultSoak [seconds] [uncapped]}: how long each fault's main phase lasts (default 60); {@code uncapped}
 * adds, last, a flood against a stream job with no rate cap, which is expected to fail (see FaultKnownBugs).
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
        print(phase, rate, reports, failures);
        if (List.of(args).contains("uncapped")) {
            // Last, after the table: without a rate cap the job's memory grows until it fails (FaultKnownBugs),
            // and Spark may end this JVM when it does.
            List<FaultReport> uncapped = new ArrayList<>();
            List<String> uncappedFailures = new ArrayList<>();
            run("flood, no rate cap", uncapped, uncappedFailures, () -> faults.floodAsTheProduct(phase));
            print(phase, rate, uncapped, uncappedFailures);
        }
        System.out.flush();
        System.exit(failures.isEmpty() ? 0 : 1);
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
    private interface Fault {
        FaultReport run() throws Exception;
    }

    private static void run(String name, List<FaultReport> reports, List<String> failures, Fault fault) {
        long started = System.nanoTime();
        System.out.println("== " + name);
        try {
            FaultReport report = fault.run();
            reports.add(report);
            System.out.println(report);
        } catch (Exception | AssertionError e) {
            failures.add(name + ": " + e);
            e.printStackTrace(System.out);
        }
        System.out.printf(Locale.ROOT, "   (%.0f s)%n", (System.nanoTime() - started) / 1e9);
    }
}
