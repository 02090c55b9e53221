package io.tweetpipe.bootstrap.faults;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The parent's handle on a {@link SequencedRelayMain} process: what it says, and how to stop or kill it. */
final class RelayProcess implements AutoCloseable {

    /**
     * What the publisher had done when it was last looked at: readable after a kill. {@code acknowledged} is what the
     * broker had acknowledged of what a Kafka relay took, as sampled within the last millisecond (-1 on a socket).
     */
    record Progress(long attempting, long accepted, long dropped, long acknowledged) {
    }

    /** What became of each number the relay published, relative to {@code from}. */
    record Outcomes(long from, long attempted, BitSet accepted, BitSet backlogged) {
    }

    private final String name;
    private final Process process;
    private final Path progressFile;
    private final Path outcomesFile;
    private final Deque<String> stderr = new ArrayDeque<>();
    private final List<String> uncaught = Collections.synchronizedList(new ArrayList<>());
    private Map<String, Long> latest = Map.of();
    private Map<String, Long> published;
    private Map<String, Long> fin;
    private int port = -1;
    private long peakRssAtKill = -1;
    private boolean ended;

    private RelayProcess(String name, Process process, Path progressFile, Path outcomesFile) {
        this.name = name;
        this.process = process;
        this.progressFile = progressFile;
        this.outcomesFile = outcomesFile;
        Thread out = new Thread(this::readStdout, name + "-stdout");
        Thread err = new Thread(this::readStderr, name + "-stderr");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    /** Starts a relay process; {@code settings} are {@link SequencedRelayMain}'s arguments. */
    static RelayProcess start(Path dir, String name, Map<String, Object> settings) throws IOException {
        Path progress = dir.resolve(name + ".progress");
        Path outcomes = dir.resolve(name + ".outcomes");
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add(key + "=" + value));
        args.add("progress=" + progress);
        args.add("outcomes=" + outcomes);
        Process process = new ProcessBuilder(Jvm.command(SequencedRelayMain.class.getName(), "768m", args))
                .start();
        return new RelayProcess(name, process, progress, outcomes);
    }

    long pid() {
        return process.pid();
    }

    /** The port it listens on, once it says so. */
    synchronized int port(Duration guard) throws InterruptedException {
        awaitState(() -> port > 0, guard, "to listen");
        return port;
    }

    synchronized Map<String, Long> stats() {
        return latest;
    }

    /** Waits until a report satisfies the condition; returns that report. */
    synchronized Map<String, Long> awaitStats(Predicate<Map<String, Long>> condition, Duration guard, String what)
            throws InterruptedException {
        awaitState(() -> !latest.isEmpty() && condition.test(latest), guard, what);
        return latest;
    }

    /** Waits until it has stopped publishing (count or time up); returns its report then. */
    synchronized Map<String, Long> awaitPublished(Duration guard) throws InterruptedException {
        awaitState(() -> published != null, guard, "to finish publishing");
        return published;
    }

    /** Asks it to close the relay (flushing to readers within its close grace) and exit; returns its last report. */
    Map<String, Long> stop(Duration guard) throws InterruptedException {
        try {
            OutputStream in = process.getOutputStream();
            in.write("stop\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
        } catch (IOException gone) {
            // it has already ended; awaitState says so
        }
        synchronized (this) {
            awaitState(() -> fin != null, guard, "to close and report");
        }
        if (!process.waitFor(guard.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + guard + "\n" + stderrTail());
        }
        return fin;
    }

    /** SIGKILL, as an out-of-memory killer or a power cut would do it; notes its peak memory first. */
    void kill() throws InterruptedException {
        peakRssAtKill = Jvm.peakRssBytes(process.pid());
        process.destroyForcibly();
        process.waitFor();
    }

    /** Peak resident memory: live from /proc, else the last the process or its killer saw. */
    synchronized long peakRssBytes() {
        long live = Jvm.peakRssBytes(process.pid());
        if (live > 0) {
            return live;
        }
        if (peakRssAtKill > 0) {
            return peakRssAtKill;
        }
        Map<String, Long> last = fin != null ? fin : latest;
        return last.getOrDefault("peakRss", -1L);
    }

    Progress progress() throws IOException {
        try (FileChannel channel = FileChannel.open(progressFile, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(SequencedRelayMain.PROGRESS_BYTES);
            channel.read(buffer, 0);
            return new Progress(buffer.getLong(0), buffer.getLong(8), buffer.getLong(16), buffer.getLong(24));
        }
    }

    Outcomes outcomes() throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(outcomesFile))) {
            long from = in.readLong();
            long attempted = in.readLong();
            return new Outcomes(from, attempted, readBits(in), readBits(in));
        }
    }

    private static BitSet readBits(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return BitSet.valueOf(bytes);
    }

    /** Lines saying an exception escaped one of its threads: a crash. */
    List<String> uncaught() {
        return List.copyOf(uncaught);
    }

    synchronized String stderrTail() {
        return name + " (pid " + process.pid() + ") standard error, last lines:\n" + String.join("\n", stderr);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void awaitState(java.util.function.BooleanSupplier condition, Duration guard, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + guard.toNanos();
        while (!condition.getAsBoolean()) {
            if (ended && !condition.getAsBoolean()) {
                throw new AssertionError(name + " ended before it came " + what + "\n" + stderrTail());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("gave up waiting for " + name + " " + what + " after " + guard + "; last "
                        + "report " + latest + "\n" + stderrTail());
            }
            wait(Math.max(1, Math.min(left / 1_000_000, 100)));
        }
    }

    private void readStdout() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (this) {
                    if (line.startsWith("listening ")) {
                        port = Integer.parseInt(line.substring("listening ".length()).strip());
                    } else if (line.startsWith("stats ")) {
                        latest = parse(line);
                    } else if (line.startsWith("published ")) {
                        published = parse(line);
                        latest = published;
                    } else if (line.startsWith("final ")) {
                        fin = parse(line);
                        latest = fin;
                    } else if (line.startsWith("UNCAUGHT")) {
                        uncaught.add(line);
                    }
                    notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    private void readStderr() {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                synchronized (this) {
                    stderr.addLast(line);
                    if (stderr.size() > 60) {
                        stderr.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static Map<String, Long> parse(String line) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String part : line.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                values.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
            }
        }
        return Map.copyOf(values);
    }
}
