package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bad input straight to the stream job's receiver, from a fake relay on loopback, through the stream process's graph
 * (Spark local[2]) with {@code --max-frame-bytes 4096}: the receiver's own cap, tested apart from the relay's (which
 * would never send an over-cap line). Each hostile byte sequence has one outcome: a record, or a refusal the receiver
 * counts; none splits, merges or invents a record, and none stops the job.
 */
class FaultReceiverRawInputTest {

    private static final int CAP = 4096;
    private static final Duration GUARD = Faults.GUARD;
    private static final Pattern REFUSED_IN_ALL = Pattern.compile(".* (\\d+) records from the relay at .* were "
            + "refused in all.*");

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenHostileBytes_receiver_storesEachWellFramedRecordOnceAndCountsWhatItRefuses() throws Exception {
        String atCap = "Seq 7 covid " + "a".repeat(CAP - 1 - 12);            // "\n" + text = the cap
        String overCap = "Seq 8 covid " + "b".repeat(CAP - 12);              // one byte more
        try (ServerSocket fakeRelay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            fakeRelay.setSoTimeout((int) GUARD.toMillis());
            CapturingStream graph = DaggerCapturingStream.factory().create(Pipelines.config("stream", "--port",
                    Integer.toString(fakeRelay.getLocalPort()), "--batch-interval", "500ms", "--max-frame-bytes",
                    Integer.toString(CAP)));
            RunningStream running = graph.processTweetStream().start()
                    .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
            Log4jLines receiverLog = new Log4jLines("io.tweetpipe.adapters.spark.FrameReading");
            receiverLog.attach();
            CapturingBatchSink capture = graph.capture();
            List<String> records;
            try {
                try (Socket first = accept(fakeRelay)) {
                    OutputStream out = first.getOutputStream();
                    out.write(utf8("Seq 1 COVID first__end\n"));
                    out.write(utf8("Seq 2 " + "x".repeat(5_000) + "__end\n"));                       // over the cap
                    out.write(utf8("Seq 3 covid after the long one__end\n"));
                    for (int i = 0; i < 7; i++) {
                        out.write(utf8("y".repeat(3_000)));                                         // no marker...
                        out.flush();
                    }
                    out.write(utf8("__end\n"));                                                     // ...for 21 KB
                    ByteArrayOutputStream bad = new ByteArrayOutputStream();
                    bad.writeBytes(utf8("Seq 4 covid bad "));
                    bad.write(0xFF);
                    bad.write(0xFE);
                    bad.writeBytes(utf8(" end__end\n"));
                    out.write(bad.toByteArray());                                                   // invalid UTF-8
                    out.write(utf8("Seq 5 First Tweet__endSeq 6 Second Tweet __endThird__end"));    // the seed's relay
                    out.write(utf8("\n" + atCap + "__end"));
                    out.write(utf8("\n" + overCap + "__end"));
                    for (byte b : utf8("\nSeq 9 covid one byte at a time__end")) {
                        out.write(b);
                        out.flush();
                    }
                    out.write(utf8("\nSeq 10 covid nul \u0000 bell \u0007 tab\tend__end"));
                    out.write(utf8("\nSeq 11 covid cut in the midd"));                              // then it dies
                    out.flush();
                    await(capture, "seq 10 covid nul \u0000 bell \u0007 tab\tend");
                }
                // The receiver reconnects by itself, 2 s later.
                try (Socket second = accept(fakeRelay)) {
                    second.getOutputStream().write(utf8("Seq 12 covid after the reconnection__end\n"));
                    second.getOutputStream().flush();
                    await(capture, "seq 12 covid after the reconnection");
                }
                records = capture.records().toJavaList();
            } finally {
                running.stop();
                receiverLog.detach();
            }

            List<String> expected = List.of("seq 1 covid first", "seq 3 covid after the long one",
                    "seq 4 covid bad \uFFFD\uFFFD end", "seq 5 first tweet", "seq 6 second tweet", "third",
                    atCap.toLowerCase(java.util.Locale.ROOT), "seq 9 covid one byte at a time",
                    "seq 10 covid nul \u0000 bell \u0007 tab\tend", "seq 12 covid after the reconnection");
            long refusedOnFirstConnection = receiverLog.lines().stream().map(REFUSED_IN_ALL::matcher)
                    .filter(Matcher::matches).mapToLong(m -> Long.parseLong(m.group(1))).findFirst().orElse(-1);
            assertAll(
                    () -> assertEquals(expected.size(), records.size(), "one record per well-framed record"),
                    () -> assertEquals(expected, records, "each exactly, in order"),
                    () -> assertEquals(4, refusedOnFirstConnection, () -> "two over the cap, one with no marker for "
                            + "21 KB, one cut by the end of the connection, counted by the receiver:\n"
                            + String.join("\n", receiverLog.lines())),
                    () -> assertTrue(receiverLog.lines().stream().anyMatch(line -> line.contains("longer than "
                            + CAP)), "the receiver says why: " + receiverLog.lines()));
        }
    }

    private static Socket accept(ServerSocket fakeRelay) throws IOException {
        try {
            return fakeRelay.accept();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the receiver did not connect within " + GUARD, e);
        }
    }

    private static void await(CapturingBatchSink capture, String record) throws InterruptedException {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (!capture.records().contains(record)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for '" + record + "'; got " + capture.records());
            }
            Thread.sleep(10);
        }
    }
}
