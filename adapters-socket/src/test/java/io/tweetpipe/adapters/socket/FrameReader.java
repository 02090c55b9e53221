package io.tweetpipe.adapters.socket;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.FrameCap;
import io.tweetpipe.domain.framing.FrameDecoder;
import io.tweetpipe.domain.framing.WireFormat;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;

/**
 * A relay client as the stream processor is one: a real loopback socket, read by a thread, cut into frames by the
 * domain's {@link FrameDecoder}.
 *
 * <p>What it records for each frame is what {@code Frame.text()} would be, rebuilt honestly from the bytes. The
 * decoder cuts at each marker only, so the newline that ends one frame opens the next frame's text. The first frame
 * must not start with a newline and every later one must, or the recorded text keeps the stray newline or lacks its
 * own, and no longer equals the frame that was sent; a refusal from the decoder is recorded as a text of its own.
 * (The last frame's trailing newline has no next frame to prove it.)
 */
final class FrameReader implements AutoCloseable {

    private final Socket socket;
    private final Thread thread;
    private final ArrayList<String> texts = new ArrayList<>();
    private int consumed;
    private boolean ended;

    private FrameReader(Socket socket, int maxFrameBytes) {
        this.socket = socket;
        this.thread = new Thread(() -> read(maxFrameBytes), "test reader " + socket.getLocalPort());
        thread.setDaemon(true);
    }

    /** Connects and starts reading; returns once the relay counts this client. */
    static FrameReader connect(SocketRelay relay) throws Exception {
        FrameReader reader = connectPaused(relay, 0);
        reader.startReading();
        return reader;
    }

    /**
     * Connects without reading yet, so that what the relay writes piles up; returns once the relay counts this client.
     *
     * @param receiveBufferBytes a small socket buffer, so that little hides in the kernel; 0 for the system's default
     */
    static FrameReader connectPaused(SocketRelay relay, int receiveBufferBytes) throws Exception {
        long served = relay.stats().clientsServed();
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.port()));
        Waiting.until(() -> relay.stats().clientsServed() > served, Duration.ofSeconds(10),
                "the relay to count the client");
        return new FrameReader(socket, FrameCap.DEFAULT);
    }

    void startReading() {
        thread.start();
    }

    Socket socket() {
        return socket;
    }

    /** The next frames' texts, waiting up to the timeout; fewer if fewer came. */
    synchronized Seq<String> read(int frames, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (texts.size() - consumed < frames && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        int until = Math.min(texts.size(), consumed + frames);
        Seq<String> next = List.ofAll(texts.subList(consumed, until));
        consumed = until;
        return next;
    }

    /** Waits until this many frames came in all, or the guard's timeout passes; returns how many came. */
    synchronized int awaitReceived(int frames, Duration guard) throws InterruptedException {
        long deadline = System.nanoTime() + guard.toNanos();
        while (texts.size() < frames && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return texts.size();
    }

    /** Waits until the relay ends the stream, or the guard's timeout passes; true if it ended. */
    synchronized boolean awaitEnd(Duration guard) throws InterruptedException {
        long deadline = System.nanoTime() + guard.toNanos();
        while (!ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return ended;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void read(int maxFrameBytes) {
        FrameDecoder decoder = new FrameDecoder(maxFrameBytes);
        FrameDecoder.Listener listener = new FrameDecoder.Listener() {
            private boolean first = true;

            @Override
            public void frame(String text) {
                String rebuilt;
                if (first) {
                    rebuilt = text + WireFormat.MARKER + "\n";
                } else if (text.startsWith("\n")) {
                    rebuilt = text.substring(1) + WireFormat.MARKER + "\n";
                } else {
                    rebuilt = text + WireFormat.MARKER;
                }
                first = false;
                add(rebuilt);
            }

            @Override
            public void rejected(Rejection rejection) {
                add("refused by the decoder: " + rejection);
            }
        };
        byte[] buffer = new byte[64 * 1024];
        try (socket) {
            InputStream in = socket.getInputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                decoder.feed(buffer, 0, read, listener);
            }
            decoder.finish(listener);
        } catch (IOException e) {
            // Closed by the test, or reset by the relay: the stream ended either way.
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    private synchronized void add(String text) {
        texts.add(text);
        notifyAll();
    }
}
