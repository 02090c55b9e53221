package io.tweetpipe.bootstrap.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between the relay and the stream job's receiver that can cut the connection, as a network
 * failure at the relay's end would: the relay's side is reset (its unsent and in-flight bytes are gone), the
 * receiver's side ends after what the proxy had already forwarded. The receiver reconnects through the proxy.
 *
 * <p>Its relay-side buffers are kept small and fixed, so that what a cut can lose is bounded by numbers we know:
 * {@link #bufferBytes()}. What it has forwarded to the receiver is delivered: that side is closed, not reset.
 */
final class CuttableProxy implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final ServerSocket server;
    private final int relayPort;
    private final Thread acceptor;
    private final AtomicLong connections = new AtomicLong();
    private volatile Socket toRelay;
    private volatile Socket toReceiver;
    private volatile int relaySideReceiveBuffer;

    CuttableProxy(int relayPort) throws IOException {
        this.relayPort = relayPort;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long connections() {
        return connections.get();
    }

    /**
     * The most bytes in flight between the relay's socket and the receiver that only the proxy's end holds: its
     * relay-side receive buffer (as the kernel reports it) and the chunk it has in hand.
     */
    long bufferBytes() {
        return relaySideReceiveBuffer + BUFFER;
    }

    /** Resets the relay's side and ends the receiver's side after what was already forwarded. */
    synchronized void cut() throws IOException {
        Socket relay = toRelay;
        Socket receiver = toReceiver;
        toRelay = null;
        toReceiver = null;
        if (relay != null) {
            relay.setSoLinger(true, 0);
            relay.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket receiver = null;
            try {
                receiver = server.accept();
                Socket relay = new Socket();
                relay.setReceiveBufferSize(BUFFER);
                relay.setTcpNoDelay(true);
                try {
                    relay.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), relayPort));
                } catch (IOException refused) {
                    receiver.close();  // as the relay would refuse it: the receiver tries again
                    continue;
                }
                relaySideReceiveBuffer = relay.getReceiveBufferSize();
                // Nagle's algorithm with delayed ACKs would slow a proxy's many partial writes to a crawl.
                receiver.setTcpNoDelay(true);
                synchronized (this) {
                    toRelay = relay;
                    toReceiver = receiver;
                }
                connections.incrementAndGet();
                pump(relay, receiver, "relay-to-receiver");
                pump(receiver, relay, "receiver-to-relay");
            } catch (IOException e) {
                // the relay is not there (the receiver will try again), or the proxy is closing
            }
        }
    }

    private static void pump(Socket from, Socket to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[BUFFER];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                }
                to.shutdownOutput();
            } catch (IOException cut) {
                // one side went away: the other is closed by cut(), or by its own end
            }
        }, "proxy-" + name);
        thread.setDaemon(true);
        thread.start();
    }
}
