package io.tweetpipe.domain.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private final java.util.List<String> frames = new ArrayList<>();
    private final java.util.List<Rejection> refused = new ArrayList<>();
    private final FrameDecoder.Listener listener = new FrameDecoder.Listener() {
        @Override
        public void frame(String text) {
            frames.add(text);
        }

        @Override
        public void rejected(Rejection rejection) {
            refused.add(rejection);
        }
    };

    private void feed(FrameDecoder decoder, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        decoder.feed(bytes, 0, bytes.length, listener);
    }

    @Test
    void givenOriginalRelayBytes_feed_splitsOnTheMarkerOnly() {
        FrameDecoder decoder = new FrameDecoder(100);

        feed(decoder, "first\nstill first__endsecond __endthird");

        assertEquals(List.of("first\nstill first", "second "), List.ofAll(frames));
        assertEquals(List.empty(), List.ofAll(refused));
    }

    @Test
    void givenMarkerCutAcrossChunks_feed_findsIt() {
        FrameDecoder decoder = new FrameDecoder(100);

        feed(decoder, "one_");
        feed(decoder, "_e");
        feed(decoder, "nd");
        feed(decoder, "two__end");

        assertEquals(List.of("one", "two"), List.ofAll(frames));
    }

    @Test
    void givenRecordOverTheCap_feed_refusesItOnceAndKeepsItsNeighbours() {
        FrameDecoder decoder = new FrameDecoder(10);

        feed(decoder, "before__end" + "x".repeat(25));
        feed(decoder, "y".repeat(25));
        feed(decoder, "__endafter__end");

        assertEquals(List.of("before", "after"), List.ofAll(frames));
        assertEquals(1, refused.size());
    }

    @Test
    void givenCompleteRecordOverTheCap_feed_refusesIt() {
        FrameDecoder decoder = new FrameDecoder(10);

        feed(decoder, "ok__end" + "z".repeat(11) + "__endok again__end");

        assertEquals(List.of("ok", "ok again"), List.ofAll(frames));
        assertEquals(1, refused.size());
    }

    @Test
    void givenStreamEndingMidRecord_finish_refusesTheCutRecord() {
        FrameDecoder decoder = new FrameDecoder(100);

        feed(decoder, "whole__end\npart of a tw");
        decoder.finish(listener);

        assertEquals(List.of("whole"), List.ofAll(frames));
        assertEquals(List.of("the connection ended in the middle of a record"),
                List.ofAll(refused).map(Rejection::reason));
    }

    @Test
    void givenStreamEndingAfterNewline_finish_refusesNothing() {
        FrameDecoder decoder = new FrameDecoder(100);

        feed(decoder, "whole__end\n");
        decoder.finish(listener);

        assertEquals(List.empty(), List.ofAll(refused));
    }

    @Test
    void givenInvalidUtf8_feed_decodesToReplacementCharacters() {
        FrameDecoder decoder = new FrameDecoder(100);
        byte[] bytes = {'a', (byte) 0xC3, 'b', (byte) 0xFF, '_', '_', 'e', 'n', 'd'};

        decoder.feed(bytes, 0, bytes.length, listener);

        assertEquals(List.of("a\uFFFDb\uFFFD"), List.ofAll(frames));
    }
}
