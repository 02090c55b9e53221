package io.tweetpipe.domain.framing;

import io.tweetpipe.domain.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a byte stream into frames at each {@code __end} marker, as bytes arrive in chunks of any size.
 *
 * <p>It splits on the marker alone, never on a newline, so it reads both our frames and the original relay's bytes
 * ({@code text__end}, {@code full_text __end}, no newline at all). The marker is ASCII and UTF-8 never uses an ASCII
 * byte inside a multi-byte character, so cutting bytes before decoding cannot cut a character; invalid UTF-8 decodes
 * to U+FFFD. A frame longer than the cap is refused once and skipped up to its marker, so one hostile line costs at
 * most the cap in memory and never merges with its neighbours. One decoder serves one connection; it is not
 * thread-safe.
 */
public final class FrameDecoder {

    /** Where frames and refusals go, in stream order. */
    public interface Listener {
        void frame(String text);

        void rejected(Rejection rejection);
    }

    /**
     * Where frames go as bytes, undecoded, for a reader that hands them on in bulk (a receiver storing blocks) and
     * so needs no string per frame.
     */
    public interface BytesListener {
        /**
         * One frame: {@code bytes[from, to)}, its marker not included. The array is the decoder's own and is reused
         * once this returns: copy what is to be kept.
         */
        void frame(byte[] bytes, int from, int to);

        void rejected(Rejection rejection);
    }

    private static final int MARKER_LENGTH = WireFormat.MARKER.length();

    private final int maxFrameBytes;
    private byte[] pending = new byte[8192];
    private int size;
    private boolean skipping;

    public FrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("the frame cap is at least one byte, got " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    public void feed(byte[] chunk, int offset, int length, Listener listener) {
        feedBytes(chunk, offset, length, new BytesListener() {
            @Override
            public void frame(byte[] bytes, int from, int to) {
                listener.frame(new String(bytes, from, to - from, StandardCharsets.UTF_8));
            }

            @Override
            public void rejected(Rejection rejection) {
                listener.rejected(rejection);
            }
        });
    }

    /** As {@link #feed}, handing each frame on as bytes. */
    public void feedBytes(byte[] chunk, int offset, int length, BytesListener listener) {
        append(chunk, offset, length);
        int start = 0;
        int scanFrom = 0;
        while (true) {
            int marker = WireFormat.indexOfMarker(pending, scanFrom, size);
            if (marker < 0) {
                break;
            }
            if (skipping) {
                skipping = false;
            } else if (marker - start > maxFrameBytes) {
                listener.rejected(tooLong());
            } else {
                listener.frame(pending, start, marker);
            }
            start = marker + MARKER_LENGTH;
            scanFrom = start;
        }
        int rest = size - start;
        if (!skipping && rest > maxFrameBytes) {
            listener.rejected(tooLong());
            skipping = true;
        }
        if (skipping) {
            // Keep just enough to see a marker that straddles this chunk and the next.
            start = Math.max(start, size - (MARKER_LENGTH - 1));
            rest = size - start;
        }
        System.arraycopy(pending, start, pending, 0, rest);
        size = rest;
    }

    /**
     * The stream ended. Bytes after the last marker are a record cut short (the sender died mid-write); they are
     * refused, not passed on as a tweet.
     */
    public void finish(Listener listener) {
        if (endStream()) {
            listener.rejected(cutShortRejection());
        }
    }

    /** As {@link #finish(Listener)}, for a reader of bytes. */
    public void finish(BytesListener listener) {
        if (endStream()) {
            listener.rejected(cutShortRejection());
        }
    }

    /** Forgets what is pending; says whether it held the start of a record. */
    private boolean endStream() {
        boolean cut = !skipping && !new String(pending, 0, size, StandardCharsets.UTF_8).isBlank();
        size = 0;
        skipping = false;
        return cut;
    }

    private static Rejection cutShortRejection() {
        return Rejection.of("frame", "the connection ended in the middle of a record");
    }

    private Rejection tooLong() {
        return Rejection.of("frame", "a record longer than " + maxFrameBytes + " bytes was skipped");
    }

    private void append(byte[] chunk, int offset, int length) {
        if (size + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(size + length, pending.length * 2));
        }
        System.arraycopy(chunk, offset, pending, size, length);
        size += length;
    }

}
