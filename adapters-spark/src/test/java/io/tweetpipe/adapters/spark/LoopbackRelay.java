package io.tweetpipe.adapters.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** A stand-in for the relay: a real server socket on loopback that writes what a test gives it to its client. */
final class LoopbackRelay implements AutoCloseable {

    /** A guard, not a timing: the receiver connects within a second or two of the stream starting. */
    static final Duration CONNECT_GUARD = Duration.ofSeconds(60);

    private final ServerSocket server;
    private Socket client;

    LoopbackRelay() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits for the receiver's connection, once, and writes to it. */
    synchronized void send(byte[] bytes) throws IOException {
        if (client == null) {
            client = awaitClient();
        }
        OutputStream out = client.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** Ends the current connection as a relay going away would; the next {@link #send} waits for a new one. */
    synchronized void dropClient() throws IOException {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private Socket awaitClient() throws IOException {
        server.setSoTimeout((int) CONNECT_GUARD.toMillis());
        try {
            return server.accept();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the receiver did not connect within " + CONNECT_GUARD, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        dropClient();
        server.close();
    }
}
