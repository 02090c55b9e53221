package io.tweetpipe.bootstrap.faults;

import io.tweetpipe.bootstrap.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The product as a user runs it, {@code tweetpipe [mode] [options]}: {@link Main} in a JVM of its own with Spark's
 * flags, standard output (the batches) and standard error (the logs) read to the end.
 */
final class ProductProcess implements AutoCloseable {

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private ProductProcess(Process process) {
        this.process = process;
        this.outReader = reader(process.getInputStream(), out, "product-stdout");
        this.errReader = reader(process.getErrorStream(), err, "product-stderr");
    }

    /** Starts {@code tweetpipe args...}; {@code environment} is added to this process's own. */
    static ProductProcess start(List<String> args, Map<String, String> environment, List<String> jvmFlags)
            throws IOException {
        List<String> command = Jvm.command(Main.class.getName(), "1g", args);
        command.addAll(command.indexOf("-cp"), jvmFlags);  // after the defaults, so that they win (-Xmx, say)
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SPARK_LOCAL_IP");  // no Spark UI in tests
        builder.environment().putAll(environment);
        return new ProductProcess(builder.start());
    }

    long pid() {
        return process.pid();
    }

    /** Waits until a line of standard output satisfies the condition; false if the guard ran out or it ended. */
    boolean awaitOutput(Predicate<List<String>> condition, Duration guard) throws InterruptedException {
        long deadline = System.nanoTime() + guard.toNanos();
        synchronized (out) {
            while (!condition.test(out)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !outReader.isAlive()) {
                    return condition.test(out);
                }
                out.wait(Math.max(1, Math.min(left / 1_000_000, 100)));
            }
            return true;
        }
    }

    /** Waits until the lines of standard error satisfy the condition; false if the guard ran out or it ended. */
    boolean awaitError(Predicate<List<String>> condition, Duration guard) throws InterruptedException {
        long deadline = System.nanoTime() + guard.toNanos();
        synchronized (err) {
            while (!condition.test(err)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !errReader.isAlive()) {
                    return condition.test(err);
                }
                err.wait(Math.max(1, Math.min(left / 1_000_000, 100)));
            }
            return true;
        }
    }

    /** SIGTERM, as a service manager or Ctrl-C's cousin sends it. Through the handle, so our pipes stay open. */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the exit and for both streams to be read to the end; the exit code, or -1 if the guard ran out. */
    int awaitExit(Duration guard) throws InterruptedException {
        if (!process.waitFor(guard.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        outReader.join(guard.toMillis());
        errReader.join(guard.toMillis());
        return process.exitValue();
    }

    List<String> stdout() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> stderr() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    String describe() {
        List<String> lastErr = stderr();
        return "tweetpipe (pid " + process.pid() + "), standard error:\n"
                + String.join("\n", lastErr.subList(Math.max(0, lastErr.size() - 40), lastErr.size()));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static Thread reader(InputStream stream, List<String> lines, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            synchronized (lines) {
                lines.notifyAll();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
