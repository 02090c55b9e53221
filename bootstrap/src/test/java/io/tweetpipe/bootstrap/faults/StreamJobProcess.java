package io.tweetpipe.bootstrap.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The parent's handle on a {@link StreamJobMain} process: every record it prints is counted in a {@link Ledger}
 * of the parent's, which outlives the process, so that a job killed and started again is counted as one.
 */
final class StreamJobProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Ledger ledger;
    private final Thread reader;
    private final Path stderrFile;
    private volatile long firstBatchNanos;
    private volatile long worstSchedulingDelayMillis;
    private volatile long cutByKill;
    private final long startedAtMillis = System.currentTimeMillis();
    private volatile long recovered;
    private volatile long recoveredAlreadyPrinted;
    private long peakRssAtKill = -1;

    private StreamJobProcess(String name, Process process, Ledger ledger, Path stderrFile) {
        this.name = name;
        this.process = process;
        this.ledger = ledger;
        this.stderrFile = stderrFile;
        this.reader = new Thread(this::readStdout, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code StreamJobMain args...} (the stream mode's command line), counting into {@code ledger}; its
     * standard error goes to {@code dir/name.err}.
     */
    static StreamJobProcess start(Path dir, String name, Ledger ledger, List<String> args) throws IOException {
        return start(dir, name, ledger, args, java.util.Map.of());
    }

    /** With variables added to its environment: where it stores ({@link StreamJobMain#FILES}, ...). */
    static StreamJobProcess start(Path dir, String name, Ledger ledger, List<String> args,
                                  java.util.Map<String, String> environment) throws IOException {
        Path stderrFile = dir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(Jvm.command(StreamJobMain.class.getName(), "1g", args))
                .redirectError(stderrFile.toFile());
        builder.environment().remove("SPARK_LOCAL_IP");  // no Spark UI in tests
        builder.environment().putAll(environment);
        return new StreamJobProcess(name, builder.start(), ledger, stderrFile);
    }

    long pid() {
        return process.pid();
    }

    /** When its first batch was read ({@link System#nanoTime}), or 0 if none has been yet. */
    long firstBatchNanos() {
        return firstBatchNanos;
    }

    /** The longest scheduling delay of the batches it reported. */
    long worstSchedulingDelayMillis() {
        return worstSchedulingDelayMillis;
    }

    /** 1 if it was killed while printing a record, whose cut line was not counted. */
    long cutByKill() {
        return cutByKill;
    }

    /**
     * Records of batches timed before this process started: batches recovered from a checkpoint, run again by this
     * process from the write-ahead log; of those, {@link #recoveredAlreadyPrinted} had been printed before.
     */
    long recovered() {
        return recovered;
    }

    long recoveredAlreadyPrinted() {
        return recoveredAlreadyPrinted;
    }

    /** SIGKILL; returns once it is dead. Notes its peak memory first. */
    void kill() throws InterruptedException {
        peakRssAtKill = Jvm.peakRssBytes(process.pid());
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits until what it printed has all been counted: after a kill, or its end. */
    void awaitOutputCounted() throws InterruptedException {
        reader.join();
    }

    /** Asks it to stop gracefully and waits until it has exited and what it printed has been counted. */
    void stop(Duration guard) throws InterruptedException {
        try {
            OutputStream in = process.getOutputStream();
            in.write("stop\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
        } catch (IOException gone) {
            // it has already ended
        }
        if (!process.waitFor(guard.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not stop within " + guard + "\n" + stderrTail());
        }
        reader.join(guard.toMillis());
    }

    /** Peak resident memory (VmHWM): live from /proc, else what it was when killed. */
    long peakRssBytes() {
        long live = Jvm.peakRssBytes(process.pid());
        return live > 0 ? live : peakRssAtKill;
    }

    String stderrTail() {
        List<String> lines;
        try {
            lines = Files.readAllLines(stderrFile, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            lines = List.of(unreadable.toString());
        }
        return name + " (pid " + process.pid() + ") standard error, last lines:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Waits until the ledger satisfies the condition; fails, saying why, when the guard runs out. */
    void await(Predicate<Ledger> condition, String what) throws InterruptedException {
        if (!ledger.await(condition, Faults.GUARD)) {
            throw new AssertionError("gave up waiting for " + what + " after " + Faults.GUARD + ": " + ledger + "\n"
                    + stderrTail());
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void readStdout() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("batch ")) {
                    int size = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
                    List<String> batch = new ArrayList<>(size);
                    for (String record = ""; batch.size() < size && record != null; ) {
                        record = out.readLine();
                        if (record != null) {
                            batch.add(record);
                        }
                    }
                    if (batch.size() < size && !batch.isEmpty()
                            && SequencedTweets.seqOf(batch.get(batch.size() - 1)) < 0) {
                        // Killed while printing: its last line may be cut short. Not a record the sink got.
                        batch.remove(batch.size() - 1);
                        cutByKill = 1;
                    }
                    if (Long.parseLong(line.split(" ")[1]) < startedAtMillis) {
                        recovered += batch.size();
                        recoveredAlreadyPrinted += batch.stream()
                                .filter(record -> ledger.has(SequencedTweets.seqOf(record))).count();
                    }
                    ledger.record(batch);
                    if (firstBatchNanos == 0 && size > 0) {
                        firstBatchNanos = System.nanoTime();
                    }
                } else if (line.startsWith("figures ")) {
                    String[] parts = line.split(" ");
                    worstSchedulingDelayMillis = Math.max(worstSchedulingDelayMillis, Long.parseLong(parts[4]));
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
