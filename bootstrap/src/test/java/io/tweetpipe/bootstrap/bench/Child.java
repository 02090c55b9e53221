package io.tweetpipe.bootstrap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One process the harness started: its standard output read line by line as it comes (each line with the wall
 * clock time it was read, for latencies) and kept in a log file, standard error straight to a file, standard input
 * kept open so that a child that watches it ends when the harness does. Every child is ended when the harness
 * exits, however it exits short of SIGKILL.
 */
final class Child implements AutoCloseable {

    private static final Set<Child> LIVING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVING.forEach(Child::kill), "bench-children"));
    }

    private final String name;
    private final Process process;
    private final PrintWriter stdin;
    private final Thread reader;
    private final long startedAtMillis;

    private Child(String name, Process process, long startedAtMillis, Path log, BiConsumer<Long, String> lines)
            throws IOException {
        this.name = name;
        this.process = process;
        this.startedAtMillis = startedAtMillis;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        this.reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16); copy) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    long at = System.currentTimeMillis();
                    lines.accept(at, line);
                    copy.println(line);
                }
            } catch (IOException | RuntimeException e) {
                // the process ended, or the harness is going
            }
        }, "bench-read-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command}; standard output lines go to {@code lines} (time read, line), and to dir/name.out. */
    static Child start(String name, List<String> command, Map<String, String> environment, Path dir,
                       BiConsumer<Long, String> lines) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().putAll(environment);
        long startedAt = System.currentTimeMillis();
        Process process = builder.start();
        Child child = new Child(name, process, startedAt, dir.resolve(name + ".out"), lines);
        LIVING.add(child);
        return child;
    }

    String name() {
        return name;
    }

    long startedAtMillis() {
        return startedAtMillis;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    void send(String line) {
        stdin.println(line);
    }

    /** Peak resident memory so far, in bytes (VmHWM), or -1 when it cannot be read (the process is gone). */
    long peakResidentBytes() {
        return statusKilobytes("VmHWM:") * 1024;
    }

    private long statusKilobytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return -1;
    }

    /** Asks it to stop with {@code word} on standard input; then SIGTERM; then SIGKILL. Bounded. */
    void stop(String word, long graceSeconds) {
        try {
            if (process.isAlive()) {
                send(word);
                stdin.close();
                if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                    process.destroy();
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        kill();
                    }
                }
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        } finally {
            LIVING.remove(this);
        }
    }

    /** SIGKILL to it and to every process it started. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks it to stop ({@code stop} on standard input), SIGTERM after 5 s, SIGKILL 10 s later. */
    @Override
    public void close() {
        stop("stop", 5);
    }
}
