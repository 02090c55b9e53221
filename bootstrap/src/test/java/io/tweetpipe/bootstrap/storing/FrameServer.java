package io.tweetpipe.bootstrap.storing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** A stand-in for the relay: a loopback server socket that writes what the test gives it to its current reader. */
final class FrameServer implements AutoCloseable {

    private static final Duration CONNECT_GUARD = Duration.ofSeconds(60);

    private final ServerSocket server;
    private Socket client;

    FrameServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout((int) CONNECT_GUARD.toMillis());
    }

    int port() {
        return server.getLocalPort();
    }

    synchronized void send(byte[] bytes) throws IOException {
        if (client == null) {
            client = server.accept();
        }
        OutputStream out = client.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** Ends the connection of a receiver whose stream was killed; the next send waits for a new one. */
    synchronized void dropClient() throws IOException {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        dropClient();
        server.close();
    }
}
