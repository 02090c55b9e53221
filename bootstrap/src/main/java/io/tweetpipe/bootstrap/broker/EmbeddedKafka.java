package io.tweetpipe.bootstrap.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), in this process, on loopback, with its
 * data in a temporary directory that {@link #close()} removes: the demo's transport for a user without Kafka, and the
 * tests' broker. Kafka's own server ({@link KafkaRaftServer}), formatted as {@code kafka-storage format} would.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final Map<String, Object> config;
    private final Path data;
    private final int port;
    private KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafka(Map<String, Object> config, KafkaRaftServer server, Path data, int port) {
        this.config = config;
        this.server = server;
        this.data = data;
        this.port = port;
    }

    /** Starts a broker on free loopback ports and creates the topic with that many partitions. */
    public static EmbeddedKafka start(String topic, int partitions) {
        Path data = null;
        try {
            data = Files.createTempDirectory("tweetpipe-kafka-");
            int brokerPort = freePort();
            int controllerPort = freePort();
            String logDir = data.toAbsolutePath().toString();
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir)
                    .setDirectories(List.of(logDir))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
            Map<String, Object> config = config(logDir, brokerPort, controllerPort, partitions);
            EmbeddedKafka kafka = new EmbeddedKafka(config, startServer(config), data, brokerPort);
            kafka.createTopic(topic, partitions);
            return kafka;
        } catch (Exception | LinkageError e) {
            if (data != null) {
                delete(data);
            }
            throw new IllegalStateException("the embedded Kafka broker could not start: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> config(String logDir, int brokerPort, int controllerPort, int partitions) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir);
        props.put("num.partitions", Integer.toString(partitions));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        return props;
    }

    private static KafkaRaftServer startServer(Map<String, Object> config) {
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
        return server;
    }

    /**
     * Stops the broker as its operator would (a clean shutdown), keeping its data: {@link #startAgain()} brings it
     * back on the same ports, with what it had taken at the same offsets and the groups' commits. For the faults a
     * real cluster sees.
     */
    public synchronized void stopKeepingData() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts a stopped broker again on its ports and data; a running one is left as it is. */
    public synchronized void startAgain() {
        if (closed) {
            throw new IllegalStateException("the broker is closed and its data removed");
        }
        if (server == null) {
            server = startServer(config);
        }
    }

    /** {@code 127.0.0.1:port}, for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates a topic on this broker; one that exists already is left as it is. */
    public void createTopic(String topic, int partitions) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the topic " + topic + ": " + e.getCause(), e);
            }
        }
    }

    /** Stops the broker and removes its data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopKeepingData();
        } finally {
            delete(data);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the broker's data in " + directory, e);
        }
    }
}
