package io.tweetpipe.bootstrap.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.in.RelayReport;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.testing.CapturingPipeline;
import io.tweetpipe.bootstrap.testing.CommandLines;
import io.tweetpipe.bootstrap.testing.DaggerCapturingPipeline;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's two programs together, every part real: a replay of Twitter JSON lines, the TCP relay on loopback,
 * Spark Streaming on local[2] reading it. Every tweet that passes the filter arrives exactly once, lower-cased, and
 * nothing else arrives.
 */
class PipelineEndToEndTest {

    private static String status(long id, String lang, String text) {
        return "{\"created_at\":\"Tue Nov 24 10:00:00 +0000 2026\",\"id\":" + id + ",\"id_str\":\"" + id
                + "\",\"text\":" + json(text) + ",\"truncated\":false,\"lang\":\"" + lang
                + "\",\"user\":{\"id\":7,\"id_str\":\"7\",\"screen_name\":\"sample\",\"name\":\"Sample\"}}";
    }

    private static String extended(long id, String lang, String fullText) {
        return "{\"created_at\":\"Tue Nov 24 10:00:00 +0000 2026\",\"id\":" + id + ",\"id_str\":\"" + id
                + "\",\"text\":" + json(fullText.substring(0, 20) + "… https://t.co/x") + ",\"truncated\":true,"
                + "\"lang\":\"" + lang + "\",\"user\":{\"id\":7,\"id_str\":\"7\",\"screen_name\":\"sample\","
                + "\"name\":\"Sample\"},\"extended_tweet\":{\"full_text\":" + json(fullText)
                + ",\"display_text_range\":[0," + fullText.codePointCount(0, fullText.length()) + "]}}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c == '"' || c == '\\' ? "\\" + (char) c
                : c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    /** What the user should see for a matching tweet: its body, one line, lower-case, trimmed. */
    private static String seen(String body) {
        return body.replace("\r\n", " ").replaceAll("[\n\r\u2028]", " ").toLowerCase(Locale.ROOT).strip();
    }

    @Test
    void givenRecordedTweets_demoPipeline_deliversEveryMatchingTweetOnceAndNothingElse(@TempDir Path dir)
            throws Exception {
        List<String> matchingBodies = List.range(0, 200).map(i -> "Tweet " + i + " on COVID").appendAll(List.of(
                "COVID line one\nline two\r\nline three\u2028end",
                "a literal __end inside a COVID tweet__end and again",
                "Backslash \\ and \\_ in #covid",
                "Extended COVID post that goes on and on, far past the classic one hundred and forty characters, "
                        + "and so Twitter truncates its text field and carries the whole post in full_text 😷"));
        // Each line with the body the user must see from it, if any; shuffled so matches and noise interleave.
        java.util.List<io.vavr.Tuple2<String, Option<String>>> recorded = new java.util.ArrayList<>(matchingBodies
                .zipWithIndex()
                .map(bodyAt -> io.vavr.Tuple.of(bodyAt._2 == 203
                        ? extended(10_000 + bodyAt._2, "en", bodyAt._1)
                        : status(10_000 + bodyAt._2, "en", bodyAt._1), Option.some(bodyAt._1)))
                .appendAll(List.of(
                        status(1, "en", "nothing about the virus"),
                        status(2, "es", "COVID en español"),
                        status(3, "en", "covid19 is another token"),
                        "{\"delete\":{\"status\":{\"id\":1,\"id_str\":\"1\",\"user_id\":7,\"user_id_str\":\"7\"}}}",
                        "{\"limit\":{\"track\":12,\"timestamp_ms\":\"1795493531000\"}}",
                        "{\"created_at\": truncated json",
                        "<html>503</html>").map(noise -> io.vavr.Tuple.of(noise, Option.<String>none())))
                .toJavaList());
        java.util.Collections.shuffle(recorded, new java.util.Random(42));
        List<String> lines = List.ofAll(recorded).map(io.vavr.Tuple2::_1);
        List<String> expected = List.ofAll(recorded).flatMap(io.vavr.Tuple2::_2).map(PipelineEndToEndTest::seen);
        Path recording = dir.resolve("recorded.jsonl");
        Files.write(recording, lines, StandardCharsets.UTF_8);
        PipelineConfig config = CommandLines.config("demo", "--replay-file", recording.toString(), "--rate", "0", "--once",
                "--port", String.valueOf(freePort()), "--batch-interval", "500ms").get();
        CapturingPipeline pipeline = DaggerCapturingPipeline.factory().create(config);

        SocketRelay socket = pipeline.socketRelay();
        RunningStream running = pipeline.processTweetStream().start().get();
        RelayReport report;
        Seq<String> records;
        try {
            report = pipeline.relayTweets().relay(config.filter()).get();
            CapturingBatchSink capture = pipeline.capture();
            capture.awaitRecords(matchingBodies.size(), Duration.ofSeconds(90));
            Thread.sleep(1_500);  // three more batches, for any duplicate to show
            records = capture.records();
        } finally {
            running.stop();
            socket.close();
        }

        assertEquals(new RelayReport(matchingBodies.size(), 2, 0, 1, 12, 0), report);
        assertEquals(expected, records, "each matching tweet once, in the order recorded, and nothing else");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
