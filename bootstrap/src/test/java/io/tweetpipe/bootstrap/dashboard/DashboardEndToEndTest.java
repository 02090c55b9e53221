package io.tweetpipe.bootstrap.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.adapters.web.Dashboard;
import io.tweetpipe.adapters.web.DashboardSettings;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.bootstrap.cli.CommandLine;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.vavr.control.Option;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo's graph with the dashboard, every part real (the bundled replay, the TCP relay, Spark on local[2]): the
 * JSON endpoint shows Spark's batches, the sample's tweets and the relay's state as the stream runs.
 */
class DashboardEndToEndTest {

    private static final Pattern SENT = Pattern.compile("\\{\"name\":\"sent\",\"value\":(\\d+),\"cumulative\":true}");
    private static final Pattern RECORDS = Pattern.compile("\"kind\":\"figures\",\"time\":\\d+,\"records\":(\\d+)");

    @Test
    void givenDemoWithTheDashboard_apiState_showsBatchesTweetsAndTheRelay() throws Exception {
        PipelineConfig config = PipelineConfig.from(((CommandLine.Run) CommandLine.parse("demo", "--rate", "2000",
                "--port", String.valueOf(freePort()), "--batch-interval", "500ms").get()).options()).get();
        DashboardPipeline pipeline = DaggerDashboardPipeline.factory().create(config,
                Option.some(DashboardSettings.defaults().withPort(0)));
        HttpClient http = HttpClient.newHttpClient();

        SocketRelay socket = pipeline.socketRelay();
        RunningStream running = pipeline.processTweetStream().start().get();
        Dashboard dashboard = pipeline.dashboard().get();
        Thread relay = new Thread(() -> {
            try {
                pipeline.relayTweets().relay(config.filter());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-relay");
        relay.start();
        String state = "";
        try {
            pipeline.capture().awaitRecords(200, Duration.ofSeconds(90));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !(sum(RECORDS, state) >= 200 && largest(SENT, state) > 0)) {
                Thread.sleep(250);
                state = http.send(HttpRequest.newBuilder(dashboard.url().resolve("/api/state")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
        } finally {
            relay.interrupt();
            relay.join(10_000);
            running.stop();
            socket.close();
            dashboard.close();
        }

        assertTrue(state.startsWith("{\"batchIntervalMs\":500,"), state);
        assertTrue(sum(RECORDS, state) >= 200, "Spark's batch figures: " + state);
        assertTrue(largest(SENT, state) > 0, "the relay's state: " + state);
        assertTrue(state.contains("\"kind\":\"batch\"") && state.contains("covid"), "the sample's tweets: " + state);
        assertTrue(state.contains("{\"name\":\"receiver\",\"status\":"), state);
        assertEquals(dashboard, pipeline.dashboard().get(), "one dashboard per run");
    }

    /** Every number the pattern finds, summed: the records of the batches kept. */
    private static long sum(Pattern pattern, String state) {
        return numbers(pattern, state).sum();
    }

    /** The largest number the pattern finds: the relay's count at the last batch. */
    private static long largest(Pattern pattern, String state) {
        return numbers(pattern, state).max().orElse(0);
    }

    private static java.util.stream.LongStream numbers(Pattern pattern, String state) {
        Matcher found = pattern.matcher(state);
        java.util.stream.LongStream.Builder numbers = java.util.stream.LongStream.builder();
        while (found.find()) {
            numbers.add(Long.parseLong(found.group(1)));
        }
        return numbers.build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
