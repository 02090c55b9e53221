package io.tweetpipe.bootstrap.packaged;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The program as a user runs it: the README's launcher, {@code ./tweetpipe} at the checkout's root, which runs
 * {@code bootstrap/target/tweetpipe.jar} with its {@code lib/}, as a child process in a directory of its own, on the JDK
 * that runs the tests. Nothing of the test's class path reaches it, so a jar missing from {@code lib/} (a dependency in
 * the wrong scope) fails here as it fails for the user. Its standard output and error go to files in that directory.
 */
final class PackagedTweetpipe implements AutoCloseable {

    /** The checkout's root: failsafe runs in bootstrap's directory. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path LAUNCHER = ROOT.resolve("tweetpipe");
    private static final Duration POLL = Duration.ofMillis(200);

    private final Process process;
    private final Path out;
    private final Path err;
    private final List<String> command;

    private PackagedTweetpipe(Process process, Path out, Path err, List<String> command) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.command = command;
    }

    /**
     * Starts {@code ./tweetpipe ARGS} in {@code directory}. The relay listens on a free port given by the environment
     * ({@code TWEETPIPE_PORT}, as a deployment sets it), so that the command line stays as written and a run beside
     * another tweetpipe does not fail on 5555.
     */
    static PackagedTweetpipe start(Path directory, String... args) throws IOException {
        assertTrue(Files.isRegularFile(ROOT.resolve("bootstrap/target/tweetpipe.jar")),
                "the packaged jar: failsafe runs after package");
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path out = directory.resolve("stdout.txt");
        Path err = directory.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> environment = builder.environment();
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("TWEETPIPE_PORT", String.valueOf(freePort()));
        environment.remove("JAVA_OPTS");
        return new PackagedTweetpipe(builder.start(), out, err, command);
    }

    /** Runs {@code ./tweetpipe ARGS} to its end. */
    static Finished run(Path directory, Duration timeout, String... args) throws Exception {
        try (PackagedTweetpipe program = start(directory, args)) {
            return program.awaitExit(timeout);
        }
    }

    /** What a run left: its exit code, standard output and standard error. */
    record Finished(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- standard output (last 3000 characters) ---\n" + tail(out)
                    + "\n--- standard error (last 3000 characters) ---\n" + tail(err);
        }

        private static String tail(String text) {
            return text.substring(Math.max(0, text.length() - 3000));
        }
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    /** Waits until standard output (or error) holds a match: the match, or a failure showing both. */
    Matcher awaitMatch(boolean standardOutput, Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher found = pattern.matcher(standardOutput ? out() : err());
            if (found.find()) {
                return found;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                fail("no " + pattern + " on standard " + (standardOutput ? "output" : "error") + " of "
                        + String.join(" ", command) + (process.isAlive() ? " within " + timeout : ", which ended")
                        + "\n" + snapshot());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * What Ctrl-C does, by SIGTERM: the JVM stops in the same order on both. SIGINT itself cannot be relied on here: a
     * child of a shell's background job (Maven started by a script, as CI does) inherits SIGINT ignored.
     */
    void interrupt() {
        process.destroy();
    }

    Finished awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail(String.join(" ", command) + " did not end within " + timeout + "\n" + snapshot());
        }
        return snapshot();
    }

    private Finished snapshot() {
        return new Finished(process.isAlive() ? -1 : process.exitValue(), out(), err());
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);  // a character half written is U+FFFD
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Never leaves a program running after its test. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
