package io.tweetpipe.bootstrap.faults;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.FrameDecoder;
import io.tweetpipe.domain.framing.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.BitSet;
import java.util.Locale;

/**
 * A second reader of a relay, a witness: it reads every frame the relay sends from when it connects, so that what
 * the relay accepted can be known from outside a process whose own logs cannot be read.
 */
final class FrameObserver implements AutoCloseable {

    private final Socket socket;
    private final BitSet seen = new BitSet();
    private long first = -1;
    private long frames;
    private long strange;
    private boolean ended;

    private FrameObserver(Socket socket) {
        this.socket = socket;
        Thread reader = new Thread(this::read, "frame-observer");
        reader.setDaemon(true);
        reader.start();
    }

    static FrameObserver connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        return new FrameObserver(socket);
    }

    /** The first number it saw, -1 if none yet. */
    synchronized long first() {
        return first;
    }

    synchronized BitSet seen() {
        return (BitSet) seen.clone();
    }

    synchronized long frames() {
        return frames;
    }

    /** Frames that were not sequenced tweets. */
    synchronized long strange() {
        return strange;
    }

    /** Waits until this many frames came, or the guard runs out; true if they came. */
    synchronized boolean awaitFrames(long count, Duration guard) throws InterruptedException {
        long deadline = System.nanoTime() + guard.toNanos();
        while (frames < count && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return frames >= count;
    }

    /** Waits until the relay ends the stream (it closed), or the guard runs out; true if it ended. */
    synchronized boolean awaitEnd(Duration guard) throws InterruptedException {
        long deadline = System.nanoTime() + guard.toNanos();
        while (!ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void read() {
        FrameDecoder decoder = new FrameDecoder(1 << 20);
        FrameDecoder.Listener listener = new FrameDecoder.Listener() {
            @Override
            public void frame(String text) {
                saw(SequencedTweets.seqOf(WireFormat.unescape(text).strip().toLowerCase(Locale.ROOT)));
            }

            @Override
            public void rejected(Rejection rejection) {
                saw(-1);
            }
        };
        byte[] buffer = new byte[64 * 1024];
        try (socket) {
            InputStream in = socket.getInputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                decoder.feed(buffer, 0, read, listener);
            }
        } catch (IOException closed) {
            // the relay went away, or the test closed it
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    private synchronized void saw(long seq) {
        frames++;
        notifyAll();
        if (seq < 0) {
            strange++;
            return;
        }
        if (first < 0) {
            first = seq;
        }
        seen.set((int) seq);
    }
}
