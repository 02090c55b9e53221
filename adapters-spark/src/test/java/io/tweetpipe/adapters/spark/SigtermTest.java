package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C and SIGTERM stop gracefully: a stream process that gets SIGTERM right after tweets arrived prints them
 * before it exits. A process of its own, since the point is the JVM's shutdown.
 */
class SigtermTest {

    private static final Duration GUARD = Duration.ofSeconds(60);

    @Test
    void givenTweetsJustReceived_sigterm_printsThemBeforeTheProcessExits() throws Exception {
        try (LoopbackRelay relay = new LoopbackRelay()) {
            java.util.List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // The JVM flags this test runs with: Spark's --add-opens, the heap.
            command.addAll(List.ofAll(ManagementFactory.getRuntimeMXBean().getInputArguments())
                    .filter(flag -> flag.startsWith("--add-opens") || flag.startsWith("-X") || flag.startsWith("-D"))
                    .asJava());
            command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"),
                    StreamToConsoleMain.class.getName(), Integer.toString(relay.port()), "PT1S"));
            Process stream = new ProcessBuilder(command).redirectErrorStream(true).start();
            java.util.List<String> printed = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> started = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(stream.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        printed.add(line);
                        if (line.equals(StreamToConsoleMain.STARTED)) {
                            started.complete(null);
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process ended
                }
                started.complete(null);
            });
            reader.start();
            try {
                started.get(GUARD.toSeconds(), TimeUnit.SECONDS);
                relay.send("First Tweet__endSecond Tweet __endThird__end".getBytes(StandardCharsets.UTF_8));

                // SIGTERM, at once: the tweets are in the receiver, in no batch yet. Through the handle, since
                // Process.destroy() also closes our end of the process's output, and we want to read to the end.
                stream.toHandle().destroy();

                assertTrue(stream.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS), "the process exits");
                reader.join(GUARD.toMillis());
            } finally {
                stream.destroyForcibly();
            }
            assertTrue(printed.containsAll(java.util.List.of("first tweet", "second tweet", "third")),
                    () -> command + "\nexit " + stream.exitValue() + "\n" + String.join("\n", printed));
        }
    }
}
