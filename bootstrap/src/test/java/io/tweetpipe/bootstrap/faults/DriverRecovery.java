package io.tweetpipe.bootstrap.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Driver recovery ({@code --checkpoint DIR}) measured: the stream job killed mid-stream and started again, with and
 * without a checkpoint, counted from sequence numbers; and what the receiver's write-ahead log costs a steady stream.
 * The relay is a {@link SequencedRelayMain} process; the killed job a {@link StreamJobMain} process; the job whose
 * cost is measured is the product itself ({@code tweetpipe stream}).
 */
final class DriverRecovery {

    private static final Duration GUARD = Faults.GUARD;
    private static final Pattern FIGURES = Pattern.compile("batch \\d+ ms: (\\d+) records, processed in (\\d+) ms, "
            + "scheduling delay (\\d+) ms");

    /**
     * What a steady stream cost the product's stream process over a window of its run.
     *
     * @param run what was measured
     * @param records the records its batches held in the window (its figures lines)
     * @param cpu its CPU time in the window, user and system
     * @param peakRssBytes its peak resident memory (VmHWM) at the window's end
     * @param writtenBytes what it wrote to disk in the window ({@code write_bytes} of /proc/PID/io)
     * @param checkpointBytes what the checkpoint directory held at the window's end; -1 without one
     * @param worstSchedulingDelayMillis the longest scheduling delay of a batch in the window
     * @param worstProcessingMillis the longest processing time of a batch in the window
     */
    record Cost(String run, Duration window, long records, Duration cpu, long peakRssBytes, long writtenBytes,
                long checkpointBytes, long worstSchedulingDelayMillis, long worstProcessingMillis) {

        double cpuSecondsPerMillion() {
            return records == 0 ? Double.NaN : cpu.toMillis() / 1000.0 / (records / 1e6);
        }

        static String table(List<Cost> costs) {
            int width = Math.max(3, costs.stream().mapToInt(c -> c.run.length()).max().orElse(0));
            String format = "%-" + width + "s %7s %11s %8s %13s %10s %12s %12s %10s %10s%n";
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, format, "run", "window", "records",
                    "CPU", "CPU s/M rec", "peak RSS", "disk written", "in ckpt dir", "worst sch.", "worst proc"));
            for (Cost c : costs) {
                out.append(String.format(Locale.ROOT, format, c.run, c.window.toSeconds() + " s", c.records,
                        String.format(Locale.ROOT, "%.1f s", c.cpu.toMillis() / 1000.0),
                        String.format(Locale.ROOT, "%.2f", c.cpuSecondsPerMillion()), mebibytes(c.peakRssBytes),
                        mebibytes(c.writtenBytes), mebibytes(c.checkpointBytes), c.worstSchedulingDelayMillis + " ms",
                        c.worstProcessingMillis + " ms"));
            }
            return out.toString();
        }
    }

    private final Path dir;

    DriverRecovery(Path dir) {
        this.dir = dir;
    }

    /** The stream mode's command line on {@code port}, in the fault runs' batches, with a checkpoint or without. */
    private static List<String> streamArgs(int port, Path checkpoint) {
        List<String> args = new ArrayList<>(List.of("stream", "--port", Integer.toString(port), "--batch-interval",
                Faults.BATCH.toMillis() + "ms"));
        if (checkpoint != null) {
            args.addAll(List.of("--checkpoint", checkpoint.toString()));
        }
        return args;
    }

    private static Map<String, Object> relayArgs(int port, double rate) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("port", port);
        args.put("rate", rate);
        args.put("from", 0);
        args.put("awaitClients", 1);
        args.put("closeGraceMillis", GUARD.toMillis());
        return args;
    }

    /**
     * The stream job is killed (SIGKILL) mid-stream and started again at once with the same command line: with
     * {@code checkpoint}, on the same checkpoint directory (a new one for this run). The relay keeps publishing; while
     * no reader is connected it keeps what it publishes in its backlog, and drops (counted) what the backlog cannot
     * hold.
     *
     * <p>Facts: {@code lostPublishedBeforeKill} and {@code lostPublishedAfterKill} split what was lost at the kill;
     * {@code recoveredBatchRecords} are the records of the batches the restarted job recovered from the checkpoint
     * (timed before it started), read from the write-ahead log; {@code recoveredAlreadyPrinted} of them the killed job
     * had printed already. Numbers published before the kill reach the restarted job also through the relay, which puts
     * back in its backlog what it had not yet written to the killed job ({@code relaySalvaged}).
     * {@code restartToFirstBatchMillis} is from the restart to the new job's first records.
     */
    FaultReport streamJobKill(double rate, Duration before, Duration after, boolean checkpoint)
            throws IOException, InterruptedException {
        return streamJobKill(rate, before, after, checkpoint, null);
    }

    /**
     * The kill with {@code --checkpoint} while the job stores every record in files and in the database at
     * {@code jdbcUrl}. Its facts add, per store, the rows it holds ({@code *Rows}), the numbers among them stored more
     * than once ({@code *Duplicated}), the numbers the jobs printed that it lacks ({@code *Missing}) and the numbers it
     * holds that no job printed ({@code *Unprinted}).
     */
    FaultReport storingKill(double rate, Duration before, Duration after, String jdbcUrl, String jdbcUser)
            throws IOException, InterruptedException {
        return streamJobKill(rate, before, after, true, new Storing(Files.createTempDirectory(dir, "stored-files"),
                jdbcUrl, jdbcUser));
    }

    private FaultReport streamJobKill(double rate, Duration before, Duration after, boolean checkpoint,
                                      Storing storing) throws IOException, InterruptedException {
        String fault = "stream job killed, restarted" + (checkpoint ? ", --checkpoint" : "")
                + (storing != null ? ", storing" : "");
        int port = Pipelines.freePort();
        Path checkpointDir = checkpoint ? Files.createTempDirectory(dir, "checkpoint-kill") : null;
        List<String> args = streamArgs(port, checkpointDir);
        Map<String, String> environment = storing == null ? Map.of() : storing.environment();
        Ledger ledger = new Ledger();
        String suffix = (checkpoint ? "-checkpoint" : "") + (storing != null ? "-storing" : "");
        try (RelayProcess relay = RelayProcess.start(dir, "relay-for-a-killed-job" + suffix, relayArgs(port, rate))) {
            relay.port(GUARD);
            long killedAt;
            long attemptingAtKill;
            long killedJobRss;
            long cutByKill;
            try (StreamJobProcess first = StreamJobProcess.start(dir, "job-before-kill" + suffix, ledger, args,
                    environment)) {
                long target = Math.max(1, (long) (rate * before.toMillis() / 1000.0));
                first.await(l -> l.distinct() >= target, "the stream to flow before the kill");
                killedAt = System.nanoTime();
                first.kill();
                // Published after this, a number can only reach the restarted job.
                attemptingAtKill = relay.progress().attempting();
                first.awaitOutputCounted();
                killedJobRss = first.peakRssBytes();
                cutByKill = first.cutByKill();
            }
            BitSet printedByKilled = ledger.snapshot();
            long duplicatedByKilled = ledger.duplicates();
            ledger.watchFrom(attemptingAtKill + 1);
            long restartedAt = System.nanoTime();
            try (StreamJobProcess second = StreamJobProcess.start(dir, "job-after-kill" + suffix, ledger, args,
                    environment)) {
                long target = Math.max(1, (long) (rate * after.toMillis() / 1000.0));
                second.await(l -> l.receivedIn(attemptingAtKill + 1, Integer.MAX_VALUE) >= target,
                        "the stream to resume after the restart (relay " + relay.stats() + ")");
                long recoveredAt = ledger.watchedArrivalNanos();
                Map<String, Long> fin = relay.stop(GUARD);
                RelayProcess.Outcomes outcomes = relay.outcomes();
                BitSet accepted = outcomes.accepted();
                long lastAccepted = accepted.length() - 1;
                second.await(l -> l.has(lastAccepted), "the relay's last frame");
                long restartedJobRss = second.peakRssBytes();
                second.stop(GUARD);
                long sent = accepted.cardinality();
                long lost = ledger.missing(accepted, 0);
                long lostBefore = ledger.missing(accepted.get(0, (int) attemptingAtKill + 1), 0);
                BitSet onlyAfterRestart = ledger.snapshot();
                onlyAfterRestart.clear((int) attemptingAtKill + 1, onlyAfterRestart.size());
                onlyAfterRestart.andNot(printedByKilled);
                long beforeKillByRestarted = onlyAfterRestart.cardinality();
                onlyAfterRestart.andNot(outcomes.backlogged());
                long invented = ledger.receivedOutside(accepted, 0);
                Map<String, Long> facts = new LinkedHashMap<>(FaultReport.facts("lostPublishedBeforeKill", lostBefore,
                        "lostPublishedAfterKill",
                                lost - lostBefore, "printedByKilledJob", printedByKilled.cardinality(),
                                "duplicatedByKilledJob", duplicatedByKilled, "publishedBeforeKill",
                                attemptingAtKill + 1, "beforeKillPrintedOnlyAfterRestart", beforeKillByRestarted,
                                "notBackloggedPrintedOnlyAfterRestart", onlyAfterRestart.cardinality(),
                                "recoveredBatchRecords", second.recovered(), "recoveredAlreadyPrinted",
                                second.recoveredAlreadyPrinted(), "backloggedWhileDown",
                                outcomes.backlogged().cardinality(), "restartToFirstBatchMillis",
                                (second.firstBatchNanos() - restartedAt) / 1_000_000, "killedJobPeakRss",
                                killedJobRss, "restartedJobPeakRss", restartedJobRss,
                                "restartedJobWorstSchedulingDelayMillis", second.worstSchedulingDelayMillis(),
                                "relaySalvaged", fin.get("salvaged"), "lostOnDisconnect",
                                fin.get("lostOnDisconnect"), "cutLineAtKill", cutByKill, "invented", invented,
                                "uncaught", relay.uncaught().size()));
                if (storing != null) {
                    facts.putAll(storing.facts(ledger.snapshot(), "Missing", "Unprinted"));
                }
                return new FaultReport(fault, sent, sent - lost, lost, ledger.duplicates(),
                        ledger.mangled() + invented, fin.get("dropped"), Duration.ofNanos(recoveredAt - killedAt),
                        fin.get("peakBuffered"), relay.peakRssBytes(), facts);
            }
        }
    }

    /**
     * The product's stream process ({@code tweetpipe stream}, with {@code --checkpoint} on a new directory or
     * without) on a relay paced at {@code rate}: once its batches hold records, its CPU time, disk writes and
     * batches are measured over {@code window}.
     */
    Cost logCost(double rate, Duration window, boolean checkpoint) throws IOException, InterruptedException {
        String run = checkpoint ? "--checkpoint" : "no checkpoint";
        int port = Pipelines.freePort();
        Path checkpointDir = checkpoint ? Files.createTempDirectory(dir, "checkpoint-cost") : null;
        try (RelayProcess relay = RelayProcess.start(dir, "relay-steady" + (checkpoint ? "-ckpt" : ""),
                relayArgs(port, rate));
             ProductProcess job = ProductProcess.start(streamArgs(port, checkpointDir), Map.of(), List.of())) {
            relay.port(GUARD);
            // Steady once three batches have held records: Spark's start-up is not what is measured.
            if (!job.awaitOutput(out -> out.stream().filter(DriverRecovery::holdsRecords).count() >= 3, GUARD)) {
                throw new AssertionError("the stream job printed no batch with records\n" + job.describe());
            }
            int from = job.stdout().size();
            Duration cpuBefore = cpu(job.pid());
            long writtenBefore = writtenBytes(job.pid());
            Thread.sleep(window.toMillis());  // a benchmark: the window is what is measured
            Duration cpu = cpu(job.pid()).minus(cpuBefore);
            long written = writtenBytes(job.pid()) - writtenBefore;
            long peakRss = Jvm.peakRssBytes(job.pid());
            long inCheckpoint = checkpoint ? directoryBytes(checkpointDir) : -1;
            List<String> lines = job.stdout();
            long records = 0;
            long worstDelay = 0;
            long worstProcessing = 0;
            for (String line : lines.subList(from, lines.size())) {
                Matcher m = FIGURES.matcher(line);
                if (m.matches()) {
                    records += Long.parseLong(m.group(1));
                    worstProcessing = Math.max(worstProcessing, Long.parseLong(m.group(2)));
                    worstDelay = Math.max(worstDelay, Long.parseLong(m.group(3)));
                }
            }
            relay.stop(GUARD);
            job.terminate();
            job.awaitExit(GUARD);
            return new Cost(run, window, records, cpu, peakRss, written, inCheckpoint, worstDelay, worstProcessing);
        }
    }

    private static boolean holdsRecords(String line) {
        Matcher m = FIGURES.matcher(line);
        return m.matches() && Long.parseLong(m.group(1)) > 0;
    }

    /** User and system CPU time so far (/proc/PID/stat, as the JDK reads it). */
    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                .orElseThrow(() -> new AssertionError("no CPU time for process " + pid));
    }

    /** Bytes the process has caused to be written to storage ({@code write_bytes} of /proc/PID/io). */
    private static long writtenBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
            if (line.startsWith("write_bytes:")) {
                return Long.parseLong(line.substring("write_bytes:".length()).strip());
            }
        }
        throw new AssertionError("no write_bytes in /proc/" + pid + "/io");
    }

    /** What the files under a directory hold; Spark may delete one meanwhile, which then counts as empty. */
    private static long directoryBytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException gone) {
                    return 0;  // removed by Spark meanwhile
                }
            }).sum();
        } catch (java.io.UncheckedIOException removedWhileWalking) {
            return directoryBytes(directory);
        }
    }

    private static String mebibytes(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
