package io.tweetpipe.bootstrap.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.adapters.web.Dashboard;
import io.tweetpipe.adapters.web.testing.HeadlessChromium;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.bootstrap.testing.CommandLines;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The demo's graph with the dashboard, every part real: a replay of recorded tweets (one of them hostile markup), the
 * TCP relay, Spark on local[2], the page in a headless Chromium. The charts gain a point with each of Spark's
 * batches, the hostile tweet shows as its characters with no script run, every tweet shows the language the demo's
 * structured wire carries, and the JSON endpoint shows Spark's batches, the tweets and the relay's state.
 */
class DashboardEndToEndTest {

    private static final String HOSTILE = "covid <img src=x onerror=\"window.__xss=1\"><img src=x onerror=alert(1)>";
    private static final Pattern RELAYED =
            Pattern.compile("\\{\"name\":\"relayed\",\"value\":(\\d+),\"cumulative\":true}");
    private static final Pattern RECORDS = Pattern.compile("\"kind\":\"figures\",\"time\":\\d+,\"records\":(\\d+)");

    @Test
    void givenDemoWithTheDashboard_pageAndJson_showItsBatchesTweetsAndRelay(@TempDir Path dir) throws Exception {
        // 15 tweets a batch over a loop of 20: each batch's first ten (what the page shows) start elsewhere in the
        // loop, so the hostile tweet, the last, is among them every other batch; 20 a batch could always miss it.
        Path recording = dir.resolve("recorded.jsonl");
        Files.write(recording, List.range(0, 19).map(i -> status(100 + i, "tweet " + i + " about covid"))
                .append(status(7, HOSTILE)).toJavaList(), StandardCharsets.UTF_8);
        PipelineConfig config = CommandLines.config("demo", "--replay-file", recording.toString(), "--rate", "30",
                "--port", String.valueOf(freePort()), "--batch-interval", "500ms", "--dashboard-port", "0").get();
        DashboardPipeline pipeline = DaggerDashboardPipeline.factory().create(config);

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
        String state;
        try (HeadlessChromium chromium = HeadlessChromium.open()) {
            chromium.openLive(dashboard.url().toString());
            chromium.waitFor("a first batch", () -> chromium.points("chart-rates") >= 1);
            int first = chromium.points("chart-rates");
            for (int batch = 1; batch <= 3; batch++) {
                int expected = first + batch;
                chromium.waitFor("Spark's batch " + expected, () -> chromium.points("chart-rates") >= expected);
                assertTrue(chromium.points("chart-timings") >= expected);
            }

            By hostile = By.xpath("//table[@id='tweets']//td[contains(@class,'text')][starts-with(.,'covid <img')]");
            chromium.waitFor("the hostile tweet", () -> !chromium.driver().findElements(hostile).isEmpty());
            assertEquals(HOSTILE, chromium.driver().findElements(hostile).get(0).getAttribute("textContent"));
            assertTrue(chromium.driver().findElements(By.cssSelector("#tweets img")).isEmpty());
            // Read in one script: the rows change with every batch.
            Object languages = chromium.js("return Array.from(document.querySelectorAll('#tweets tbody td:nth-child(3)'),"
                    + " cell => cell.textContent);");
            assertTrue(languages instanceof java.util.List<?> cells && !cells.isEmpty()
                            && cells.stream().allMatch("en"::equals),
                    "each tweet's language, from the structured wire: " + languages);
            assertEquals(Boolean.TRUE, chromium.js("return typeof window.__xss === 'undefined';"));
            assertThrows(NoAlertPresentException.class, () -> chromium.driver().switchTo().alert());
            assertTrue(chromium.text(By.id("parts")).contains("relay"));
            chromium.assertNoErrorsLogged();
            chromium.screenshot(Path.of("target", "dashboard-demo.png"));
            chromium.leave();

            state = HttpClient.newHttpClient().send(HttpRequest.newBuilder(dashboard.url().resolve("/api/state"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } finally {
            relay.interrupt();
            relay.join(10_000);
            running.stop();
            socket.close();
            dashboard.close();
        }

        assertTrue(state.startsWith("{\"batchIntervalMs\":500,"), state);
        assertTrue(sum(RECORDS, state) > 0, "Spark's batch figures: " + state);
        assertTrue(largest(RELAYED, state) > 0, "the relay's state: " + state);
        assertTrue(state.contains("\"kind\":\"batch\"") && state.contains("about covid\",\"lang\":\"en\"}"),
                "the tweets, with their language: " + state);
        assertTrue(state.contains("{\"name\":\"receiver\",\"status\":"), state);
    }

    private static String status(long id, String text) {
        StringBuilder json = new StringBuilder("\"");
        text.chars().forEach(c -> json.append(c == '"' || c == '\\' ? "\\" + (char) c : String.valueOf((char) c)));
        return "{\"created_at\":\"Tue Nov 24 10:00:00 +0000 2026\",\"id\":" + id + ",\"id_str\":\"" + id
                + "\",\"text\":" + json.append('"') + ",\"truncated\":false,\"lang\":\"en\","
                + "\"user\":{\"id\":7,\"id_str\":\"7\",\"screen_name\":\"sample\",\"name\":\"Sample\"}}";
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
