package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.collection.List;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver stores chunks of many frames' bytes and preprocessing cuts them; this path must give exactly the
 * records that framing each tweet and preprocessing it alone gives, and count exactly one record per tweet, for
 * hostile tweets sent in ragged writes over a real loopback socket: nothing split, merged, lost or invented.
 */
class ChunkedPathTest {

    private static final String[] PIECES = {"Plain", " ", "UPPER", "\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085",
        "\u000B", "__end", "_\\_end", "\\", "\\\\", "\\_", "_", "🇧🇷", "😀", "é", "É", "Σ", "İ", "\uD800", "\uDC00", "\t",
        "\u3000", "ß", "https://t.co/X", "#Covid", "__", "end", "e"};

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final java.util.List<FrameReading.Block> blocks = Collections.synchronizedList(new ArrayList<>());
    private final LoopbackRelay relay;
    private final FrameReading reading;

    ChunkedPathTest() throws IOException {
        relay = new LoopbackRelay();
        reading = new FrameReading("127.0.0.1", relay.port(), 1 << 20,
                FrameReading.Limits.standard(Duration.ofMillis(100)), blocks::add);
    }

    @AfterEach
    void close() throws IOException {
        reading.abort();
        thread.shutdownNow();
        relay.close();
    }

    @Test
    void givenHostileTweetsInRaggedWrites_chunksThenPreprocessing_giveWhatEachTweetAloneGives() throws Exception {
        Random random = new Random(61);
        java.util.List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder body = new StringBuilder();
            int pieces = i % 997 == 0 ? 3_000 : 1 + random.nextInt(20);  // now and then a very long one
            for (int p = 0; p < pieces; p++) {
                body.append(PIECES[random.nextInt(PIECES.length)]);
            }
            if (Frame.of(body.toString()).isRight()) {  // a body with nothing to read is not relayed at all
                bodies.add(body.toString());
            }
        }
        Preprocessing standard = Preprocessing.standard();
        List<String> expected = List.ofAll(bodies).flatMap(body -> standard.apply(Frame.of(body).get().text()));
        byte[] wire = List.ofAll(bodies).map(body -> Frame.of(body).get().text()).mkString()
                .getBytes(StandardCharsets.UTF_8);

        Future<FrameReading.Ending> running = thread.submit(reading::run);
        for (int at = 0; at < wire.length; ) {
            int length = Math.min(wire.length - at, 1 + random.nextInt(20_000));
            relay.send(java.util.Arrays.copyOfRange(wire, at, at + length));
            at += length;
        }
        reading.requestStop();
        running.get(60, TimeUnit.SECONDS);

        PreprocessFrames function = new PreprocessFrames(new io.tweetpipe.domain.preprocessing.RecordDecoding(standard));
        java.util.List<String> records = new ArrayList<>();
        long elements = 0;
        for (FrameReading.Block block : blocks) {
            for (Iterator<byte[]> stored = block.records(); stored.hasNext(); elements++) {
                function.call(stored.next()).forEachRemaining(sampled -> records.add(sampled.body()));
            }
        }
        assertEquals(expected, List.ofAll(records));
        assertEquals(bodies.size(), elements, "Spark counts one record per tweet");
        assertEquals(bodies.size(), reading.framesStored());
    }
}
