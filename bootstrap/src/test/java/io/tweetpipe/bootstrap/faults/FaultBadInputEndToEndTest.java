package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.socket.RelayStats;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.in.RelayReport;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.testing.CapturingPipeline;
import io.tweetpipe.bootstrap.testing.DaggerCapturingPipeline;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, end to end through the demo's graph (replay file, relay, socket, Spark local[2], sink): every hostile
 * line has one stated outcome, counted where it is refused, and no record is split, merged, changed beyond the
 * stated normalisation, or invented. Two hostile clients are connected to the relay meanwhile.
 */
class FaultBadInputEndToEndTest {

    private static final Duration GUARD = Faults.GUARD;
    private static final int CAP = 1 << 20;  // --max-frame-bytes, the default: the relay's and the receiver's cap

    /** What should become of one line of the replay file. */
    private sealed interface Outcome permits Received, Rejected, Dropped, Filtered {
    }

    /** Relayed, and reaches the sink as this one record. */
    private record Received(String record) implements Outcome {
    }

    /** Not a message (malformed): counted by the relay as rejected, {@code lines} times (a raw CR makes two). */
    private record Rejected(int lines) implements Outcome {
    }

    /** Longer than the frame cap: dropped by the relay, counted. */
    private record Dropped() implements Outcome {
    }

    /** A status that does not match the filter (no text): the source does not hand it on, as Twitter would not. */
    private record Filtered() implements Outcome {
    }

    private record Case(String what, byte[] line, Outcome outcome) {
    }

    private final List<Case> cases = new ArrayList<>();
    private final LogLines relayLog = new LogLines("tweetpipe.relay");
    private long nextId = 5_000;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** A status whose {@code text} is the given JSON string literal, bytes as they are. */
    private byte[] status(byte[] textLiteral) {
        long id = nextId++;
        return concat(utf8("{\"created_at\":\"Tue Nov 24 10:00:00 +0000 2026\",\"id\":" + id + ",\"id_str\":\"" + id
                + "\",\"text\":"), textLiteral, utf8(",\"truncated\":false,\"lang\":\"en\",\"user\":{\"id\":7,"
                + "\"id_str\":\"7\",\"screen_name\":\"sample\",\"name\":\"Sample\"}}"));
    }

    private byte[] status(String text) {
        return status(utf8(Json.string(text)));
    }

    /** A post longer than 140 characters, as Twitter sends it: truncated text, the whole in extended_tweet. */
    private byte[] extended(String fullText) {
        long id = nextId++;
        return utf8("{\"created_at\":\"Tue Nov 24 10:00:00 +0000 2026\",\"id\":" + id + ",\"id_str\":\"" + id
                + "\",\"text\":" + Json.string(fullText.substring(0, 20) + "… https://t.co/x") + ",\"truncated\":true,"
                + "\"lang\":\"en\",\"user\":{\"id\":7,\"id_str\":\"7\",\"screen_name\":\"sample\",\"name\":\"Sample\"},"
                + "\"extended_tweet\":{\"full_text\":" + Json.string(fullText) + ",\"display_text_range\":[0,"
                + fullText.codePointCount(0, fullText.length()) + "]}}");
    }

    private void add(String what, byte[] line, Outcome outcome) {
        cases.add(new Case(what, line, outcome));
    }

    private void received(String what, byte[] line, String record) {
        add(what, line, new Received(record));
    }

    private void hostileLines() {
        received("a plain tweet", status("Seq 1 COVID plain"), "seq 1 covid plain");
        add("invalid JSON", utf8("{\"created_at\": truncated json"), new Rejected(1));
        add("not JSON, with a marker in it", utf8("this is not JSON__end but it says covid__end"), new Rejected(1));
        byte[] whole = status("Seq 2 COVID cut in half");
        add("truncated JSON", java.util.Arrays.copyOf(whole, whole.length / 2), new Rejected(1));
        add("a JSON array", utf8("[\"covid\", 1]"), new Rejected(1));
        add("JSON then more", concat(status("Seq 3 COVID then junk"), utf8(" trailing")), new Rejected(1));
        received("invalid UTF-8 bytes in the text", status(concat(utf8("\"Seq 4 COVID bad "), bytes(0xFF, 0xFE),
                utf8(" bytes "), bytes(0xC3), utf8(" end\""))), "seq 4 covid bad \uFFFD\uFFFD bytes \uFFFD end");
        received("overlong and CESU-8 bytes in the text", status(concat(utf8("\"Seq 5 COVID overlong "),
                bytes(0xC0, 0xAF), utf8(" surrogate "), bytes(0xED, 0xA0, 0xBD), utf8("\""))),
                "seq 5 covid overlong \uFFFD\uFFFD surrogate \uFFFD");  // the JDK reads ED A0 BD as one bad sequence
        byte[] json = status("Seq 6 COVID fine");
        add("invalid UTF-8 between JSON tokens", concat(java.util.Arrays.copyOf(json, 1), bytes(0xFF),
                java.util.Arrays.copyOfRange(json, 1, json.length)), new Rejected(1));
        received("a lone high surrogate", status(utf8("\"Seq 7 COVID lone \\ud83d high\"")),
                "seq 7 covid lone \uFFFD high");
        received("a lone low surrogate, a reversed pair, a good pair",
                status(utf8("\"Seq 8 COVID low \\udc00 reversed \\ude37\\ud83d pair \\ud83d\\ude37\"")),
                "seq 8 covid low \uFFFD reversed \uFFFD\uFFFD pair \ud83d\ude37");
        received("the marker inside a tweet", status("Seq 9 COVID a literal __end inside, __end__end twice, ends __end"),
                "seq 9 covid a literal __end inside, __end__end twice, ends __end");
        received("backslashes and escaped-looking markers", status("Seq 10 COVID back\\slash \\_ and _\\_end \\"),
                "seq 10 covid back\\slash \\_ and _\\_end \\");
        received("a newline", status("Seq 11 COVID line one\nline two"), "seq 11 covid line one line two");
        received("CR LF", status("Seq 12 COVID one\r\ntwo\rthree"), "seq 12 covid one two three");
        received("U+2028", status("Seq 13 COVID one\u2028two\u2029three"), "seq 13 covid one two three");
        received("U+0085", status("Seq 14 COVID one\u0085two"), "seq 14 covid one two");
        received("U+2028 and U+0085 raw in the file", status(utf8("\"Seq 15 COVID raw\u2028line\u0085sep\"")),
                "seq 15 covid raw line sep");
        add("a raw CR in the file (a line break to a line reader)", status(utf8("\"Seq 16 COVID raw\rcr\"")),
                new Rejected(2));
        add("empty text", status(""), new Filtered());
        add("text of line breaks only", status("\n\r\n \u2028 "), new Filtered());
        String post = ("Seq 17 COVID long post with an emoji \ud83d\ude37 " + "and more words ".repeat(700))
                .substring(0, 10_000);
        received("a 10,000-character post", extended(post), post.toLowerCase(Locale.ROOT).strip());
        String megabyte = "Seq 18 COVID " + "m".repeat(1_000_000);
        received("a 1 MB line", status(megabyte), megabyte.toLowerCase(Locale.ROOT));
        // The frame is text + "__end\n": 6 bytes more than the text.
        String atCap = "Seq 19 COVID " + "c".repeat(CAP - 6 - 13);
        received("a frame of exactly the cap", status(atCap), atCap.toLowerCase(Locale.ROOT));
        add("a frame one byte over the cap", status("Seq 20 COVID " + "o".repeat(CAP - 6 - 13 + 1)), new Dropped());
        add("a 2 MB line", status("Seq 21 COVID " + "w".repeat(2 << 20)), new Dropped());
        received("a tweet after all that", status("Seq 22 COVID the last one"), "seq 22 covid the last one");
    }

    @Test
    void givenHostileLinesAndClients_pipeline_givesEachItsStatedCountedOutcomeAndNeverSplitsMergesOrInvents(
            @TempDir Path dir) throws Exception {
        hostileLines();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (Case c : cases) {
            file.writeBytes(c.line());
            file.write('\n');
        }
        Path replay = dir.resolve("hostile.jsonl");
        Files.write(replay, file.toByteArray());
        // The tutorial's wire, which the demo no longer sends by default: the cap cases count a frame as its text,
        // its marker and a newline.
        PipelineConfig config = Pipelines.config("demo", "--replay-file", replay.toString(), "--rate", "0", "--once",
                "--port", Integer.toString(Pipelines.freePort()), "--batch-interval", "500ms",
                "--max-frame-bytes", Integer.toString(CAP), "--wire", "text");  // the cap's edges are the text's
        CapturingPipeline pipeline = DaggerCapturingPipeline.factory().create(config);
        relayLog.attach();
        SocketRelay relay = pipeline.socketRelay();
        RunningStream running = pipeline.processTweetStream().start().get();
        byte[] junk = junk();
        RelayReport report;
        List<String> records;
        RelayStats duringRun;
        try (Socket sender = new Socket(); Socket neverReads = new Socket()) {
            await(() -> relay.clients() == 1, "the stream job to connect");
            sender.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.port()));
            neverReads.setReceiveBufferSize(4096);
            neverReads.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.port()));
            await(() -> relay.clients() == 3, "the hostile clients to be served");
            OutputStream toRelay = sender.getOutputStream();
            toRelay.write(junk);
            toRelay.flush();

            report = pipeline.relayTweets().relay(config.filter()).get();

            CapturingBatchSink capture = pipeline.capture();
            String last = ((Received) cases.get(cases.size() - 1).outcome()).record();
            // One connection, in order: once the last record is in, everything before it that will come has come.
            await(() -> capture.records().contains(last), "the last tweet to reach the sink");
            records = capture.records().toJavaList();
            await(() -> relay.stats().bytesIgnored() == junk.length, "the relay to read the sender's bytes");
            duringRun = relay.stats();
        } finally {
            running.stop();
            relay.close();
            relayLog.detach();
        }

        List<String> expected = cases.stream().filter(c -> c.outcome() instanceof Received)
                .map(c -> ((Received) c.outcome()).record()).toList();
        int rejected = cases.stream().mapToInt(c -> c.outcome() instanceof Rejected r ? r.lines() : 0).sum();
        long dropped = cases.stream().filter(c -> c.outcome() instanceof Dropped).count();
        assertAll(
                () -> assertEquals(expected.size(), records.size(), "one record per relayed tweet, no more: "
                        + describe(records, expected)),
                () -> assertEquals(abbreviated(expected), abbreviated(records), "each tweet as stated, in order"),
                () -> assertEquals(expected, records, "each tweet exactly as stated, in order"),
                () -> assertEquals(new RelayReport(expected.size(), rejected, dropped, 0, 0, 0), report,
                        () -> "every refusal counted where it happened; the relay said:\n"
                                + String.join("\n", relayLog.lines())),
                () -> assertEquals(dropped, duringRun.droppedOversized(), "the relay counts what is over the cap"),
                () -> assertEquals(junk.length, duringRun.bytesIgnored(), "a sender's bytes are read and ignored"),
                () -> assertEquals(3, duringRun.clients(), "the hostile clients are still served, not crashed"),
                () -> assertEquals(0, duringRun.clientsRefused()),
                () -> assertTrue(relay.stats().lostOnDisconnect() > 0,
                        "what the client that never reads never took is counted at close: " + relay.stats()));
    }

    /** Bytes a confused or hostile client sends the relay: markers, line breaks, invalid UTF-8, noise. */
    private static byte[] junk() {
        byte[] noise = new byte[100_000];
        new Random(7).nextBytes(noise);
        return concat(utf8("GET / HTTP/1.1\r\n\r\n__end\nfake tweet__end\n"), noise, bytes(0xFF, 0xC3, 0x0A));
    }

    private static String describe(List<String> records, List<String> expected) {
        List<String> extra = new ArrayList<>(records);
        extra.removeAll(expected);
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(records);
        return "unexpected " + abbreviated(extra) + ", missing " + abbreviated(missing);
    }

    private static List<String> abbreviated(List<String> records) {
        return records.stream().map(r -> r.length() > 120 ? r.substring(0, 120) + "… (" + r.length() + " chars)" : r)
                .toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + GUARD);
            }
            Thread.sleep(10);
        }
    }
}
