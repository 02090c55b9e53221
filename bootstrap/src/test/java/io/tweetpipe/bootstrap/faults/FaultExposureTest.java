package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tweetpipe.adapters.socket.RelaySettings;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.bootstrap.di.DaggerRelayComponent;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exposure: the relay listens on loopback unless deliberately exposed, serves a bounded number of clients, and no
 * credential appears in anything the product prints, even when a streaming endpoint refuses them and echoes them.
 */
class FaultExposureTest {

    private static final Duration GUARD = Faults.GUARD;

    /** Distinctive, so that any part of one in the output is found. */
    private static final Map<String, String> CREDENTIALS = Map.of(
            "TWITTER_CONSUMER_KEY", "ck4SECRETconsumerKey7a1f",
            "TWITTER_CONSUMER_SECRET", "cs4SECRETconsumerSecret9b2c",
            "TWITTER_ACCESS_TOKEN", "at4SECRETaccessToken77d3",
            "TWITTER_ACCESS_TOKEN_SECRET", "as4SECRETaccessTokenSecret5e0");

    private static SocketRelay defaultRelay() throws IOException {
        return DaggerRelayComponent.factory().create(Pipelines.config("relay", "--port",
                Integer.toString(Pipelines.freePort()))).socketRelay();
    }

    /** This machine's addresses other than loopback: where an exposed relay could be reached from. */
    private static List<InetAddress> otherAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp()) {
                nic.getInterfaceAddresses().stream().map(a -> a.getAddress())
                        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && a instanceof Inet4Address)
                        .forEach(addresses::add);
            }
        }
        return addresses;
    }

    @Test
    void givenDefaults_theRelay_listensOnLoopbackAndIsNotReachableOnThisMachinesOtherAddresses() throws Exception {
        SocketRelay relay = defaultRelay();
        try {
            assertTrue(relay.localAddress().getAddress().isLoopbackAddress(), relay.localAddress().toString());
            for (InetAddress other : otherAddresses()) {
                try (Socket socket = new Socket()) {
                    assertThrows(ConnectException.class,
                            () -> socket.connect(new InetSocketAddress(other, relay.port()), 5_000),
                            "the relay's port is closed on " + other);
                }
            }
            assertEquals(0, relay.stats().clientsServed());
        } finally {
            relay.close();
        }
    }

    @Test
    void givenNonLoopbackHostWithoutExpose_theProduct_refusesToStartWithExitTwoAndSaysHow() throws Exception {
        String host = otherAddresses().stream().findFirst().map(InetAddress::getHostAddress).orElse("0.0.0.0");
        try (ProductProcess product = ProductProcess.start(List.of("relay", "--host", host, "--port", "5555"),
                Map.of(), List.of())) {
            int exit = product.awaitExit(GUARD);

            assertAll(
                    () -> assertEquals(2, exit, product::describe),
                    () -> assertTrue(product.stderr().stream().anyMatch(line -> line.contains("--expose")),
                            product::describe),
                    () -> assertFalse(product.stderr().stream().anyMatch(line -> line.contains("listening")),
                            "nothing was opened: " + product.describe()));
        }
    }

    @Test
    void givenAsManyClientsAsTheDefaultCap_oneMore_isClosedAtOnceAndCountedAndAPlaceFreedIsReused() throws Exception {
        SocketRelay relay = defaultRelay();
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < RelaySettings.DEFAULT_MAX_CLIENTS; i++) {
                clients.add(new Socket(InetAddress.getLoopbackAddress(), relay.port()));
            }
            await(() -> relay.clients() == RelaySettings.DEFAULT_MAX_CLIENTS, "the clients to be served");
            try (Socket extra = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
                extra.setSoTimeout((int) Duration.ofSeconds(30).toMillis());  // a guard: "at once" is milliseconds
                assertEquals(-1, extra.getInputStream().read(), "one more sees its stream end at once");
            }
            assertEquals(1, relay.stats().clientsRefused());
            clients.remove(0).close();
            await(() -> relay.clients() == RelaySettings.DEFAULT_MAX_CLIENTS - 1, "the relay to free a place");
            clients.add(new Socket(InetAddress.getLoopbackAddress(), relay.port()));
            await(() -> relay.clients() == RelaySettings.DEFAULT_MAX_CLIENTS, "the freed place to be taken");
            assertEquals(1, relay.stats().clientsRefused());
        } finally {
            for (Socket client : clients) {
                client.close();
            }
            relay.close();
        }
    }

    @Test
    void givenEndpointThatRefusesAndEchoesTheCredentials_relayProcess_printsNoCredential() throws Exception {
        assertNoCredential(runAgainstRefusingEndpoint("relay", List.of()));
    }

    @Test
    void givenEndpointThatRefusesAndEchoesTheCredentials_demoProcess_printsNoCredential() throws Exception {
        assertNoCredential(runAgainstRefusingEndpoint("demo", List.of()));
    }

    /** A user debugging a connection turns every logger up: the JDK's HTTP client would print request headers. */
    @Test
    void givenEveryLogLevelOn_aRunAgainstARefusingEndpoint_printsNoCredential(@TempDir Path dir) throws Exception {
        Path everything = dir.resolve("logging.properties");
        Files.writeString(everything, "handlers=java.util.logging.ConsoleHandler\n.level=ALL\n"
                + "java.util.logging.ConsoleHandler.level=ALL\n");
        List<String> output = runAgainstRefusingEndpoint("relay", List.of("-Djava.util.logging.config.file="
                + everything));
        assertTrue(output.stream().anyMatch(line -> line.contains("FINE")), "precondition: debug lines are on");
        assertNoCredential(output);
    }

    /** A 401 with no body at all (a proxy's, say) is still a refusal of the credentials, not a network error. */
    @Test
    void givenEndpointAnswering401WithoutABody_relay_stopsSaysToCheckTheCredentialsAndPrintsNone() throws Exception {
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        endpoint.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        endpoint.start();
        try (ProductProcess product = ProductProcess.start(List.of("relay", "--source", "twitter",
                "--stream-base-url", "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/1.1/", "--port",
                Integer.toString(Pipelines.freePort())), CREDENTIALS, List.of())) {
            int exit = product.awaitExit(GUARD);
            List<String> output = Stream.concat(product.stdout().stream(), product.stderr().stream()).toList();
            assertAll(
                    () -> assertEquals(1, exit, product::describe),
                    () -> assertTrue(output.stream().anyMatch(line -> line.contains("refused the credentials")),
                            product::describe),
                    () -> assertNoCredential(output));
        } finally {
            endpoint.stop(0);
        }
    }

    /**
     * Runs the product with {@code --source twitter} against a local endpoint that answers every request 401 with
     * the request's Authorization header in its body, as a careless proxy might; returns everything it printed.
     */
    static List<String> runAgainstRefusingEndpoint(String mode, List<String> jvmFlags) throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        endpoint.createContext("/", exchange -> {
            try (InputStream ignored = exchange.getRequestBody()) {
                String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
                authorizations.add(authorization);
                byte[] body = ("{\"errors\":[{\"code\":32,\"message\":\"Could not authenticate you: "
                        + authorization + "\"}]}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("WWW-Authenticate", authorization);
                exchange.sendResponseHeaders(401, body.length);
                exchange.getResponseBody().write(body);
            } finally {
                exchange.close();
            }
        });
        endpoint.start();
        try (ProductProcess product = ProductProcess.start(List.of(mode, "--source", "twitter", "--stream-base-url",
                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/1.1/", "--port",
                Integer.toString(Pipelines.freePort())), CREDENTIALS, jvmFlags)) {
            int exit = product.awaitExit(GUARD);
            List<String> output = Stream.concat(product.stdout().stream(), product.stderr().stream()).toList();
            assertAll(
                    () -> assertEquals(1, exit, product::describe),
                    () -> assertTrue(authorizations.stream().anyMatch(a -> a.contains(
                            CREDENTIALS.get("TWITTER_CONSUMER_KEY"))),
                            "precondition: the credentials were sent, and echoed back: " + authorizations),
                    () -> assertTrue(output.stream().anyMatch(line -> line.contains("401")),
                            "the product says what went wrong: " + product.describe()));
            return output;
        } finally {
            endpoint.stop(0);
        }
    }

    static void assertNoCredential(List<String> output) {
        List<String> leaks = output.stream().filter(line -> CREDENTIALS.values().stream().anyMatch(secret ->
                line.contains(secret.substring(0, 8)) || line.contains(secret.substring(secret.length() - 8))))
                .toList();
        assertEquals(List.of(), leaks, "lines that show a credential, in part or whole");
        assertTrue(output.size() > 3, "precondition: the product said something: " + output);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + GUARD);
            }
            Thread.sleep(10);
        }
    }
}
