package io.tweetpipe.bootstrap.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a variant of tweetpipe's job writes besides the console, for one trial: the options that turn it on, and what
 * the harness reads back from it, per second over a span (rows stored, events a page read). A fresh one per trial.
 */
interface Probe extends AutoCloseable {

    /** The options that turn the output on. */
    List<String> options();

    /** What the job's environment needs for it. */
    default Map<String, String> environment() {
        return Map.of();
    }

    /** The job is starting: a reader of its output may connect now. */
    default void jobStarted() {
    }

    /** Per second over [from, to] (epoch ms): batches timed within it for a store, read times for a page. */
    double perSecond(long from, long to) throws Exception;

    /** Removes what the trial stored (a full run would otherwise keep gigabytes). */
    @Override
    default void close() throws Exception {
    }

    static void deleteTree(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> paths = Files.walk(path)) {
                for (Path each : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(each);
                }
            }
        }
    }

    /** Nothing besides the console. */
    Probe NONE = new Probe() {
        @Override
        public List<String> options() {
            return List.of();
        }

        @Override
        public double perSecond(long from, long to) {
            return Double.NaN;
        }
    };

    /** The tweets stored per second, from the rows of the batches timed within [from, to]. */
    static double perSecond(Map<Long, Long> rowsByBatch, long from, long to) {
        if (to <= from) {
            return Double.NaN;
        }
        long rows = rowsByBatch.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to)
                .mapToLong(Map.Entry::getValue).sum();
        return rows * 1000.0 / (to - from);
    }

    /** The file sink: one folder per batch, {@code tweets-<batch time>}, its records one JSON line each. */
    record FileSink(Path directory) implements Probe {

        @Override
        public List<String> options() {
            return List.of("--sinks", "files", "--files-dir", directory.toString());
        }

        @Override
        public double perSecond(long from, long to) throws IOException {
            Map<Long, Long> rows = new java.util.HashMap<>();
            if (!Files.isDirectory(directory)) {
                return 0;
            }
            try (Stream<Path> folders = Files.list(directory)) {
                for (Path folder : (Iterable<Path>) folders::iterator) {
                    String name = folder.getFileName().toString();
                    if (name.matches("tweets-\\d+")) {
                        rows.put(Long.parseLong(name.substring("tweets-".length())), lines(folder));
                    }
                }
            }
            return Probe.perSecond(rows, from, to);
        }

        private static long lines(Path folder) throws IOException {
            long lines = 0;
            try (Stream<Path> parts = Files.list(folder)) {
                for (Path part : (Iterable<Path>) parts::iterator) {
                    if (part.getFileName().toString().startsWith("part-")) {
                        byte[] bytes = Files.readAllBytes(part);
                        for (byte b : bytes) {
                            lines += b == '\n' ? 1 : 0;
                        }
                    }
                }
            }
            return lines;
        }

        @Override
        public void close() throws IOException {
            deleteTree(directory);
        }
    }

    /** A database sink (the embedded SQLite, or PostgreSQL): the rows of its table {@code tweets}, by batch time. */
    record Database(List<String> options, Map<String, String> environment, String url, Properties login,
                    Removal removal) implements Probe {

        /** How the trial's database goes. */
        @FunctionalInterface
        interface Removal {
            void remove() throws Exception;
        }

        static Database sqlite(Path file) {
            return new Database(List.of("--sinks", "db", "--db-file", file.toString()), Map.of(),
                    "jdbc:sqlite:" + file, new Properties(), () -> {
                        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                            Files.deleteIfExists(Path.of(file + suffix));
                        }
                    });
        }

        static Database postgres(String url, String user, Removal removal) {
            Properties login = new Properties();
            login.setProperty("user", user);
            return new Database(List.of("--sinks", "postgres", "--jdbc-url", url),
                    Map.of("TWEETPIPE_JDBC_USER", user), url, login, removal);
        }

        @Override
        public void close() throws Exception {
            removal.remove();
        }

        @Override
        public double perSecond(long from, long to) throws SQLException {
            Map<Long, Long> rows = new java.util.HashMap<>();
            try (Connection connection = DriverManager.getConnection(url, login);
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery(
                         "SELECT batch_time, count(*) FROM tweets GROUP BY batch_time")) {
                while (result.next()) {
                    rows.put(epochMillis(result.getObject(1)), result.getLong(2));
                }
            } catch (SQLException e) {
                if (String.valueOf(e.getMessage()).contains("tweets")) {
                    return 0;  // no table: the job never stored a batch
                }
                throw e;
            }
            return Probe.perSecond(rows, from, to);
        }

        /** SQLite keeps times as ISO-8601 text, PostgreSQL as timestamptz. */
        private static long epochMillis(Object time) {
            if (time instanceof Timestamp timestamp) {
                return timestamp.toInstant().toEpochMilli();
            }
            if (time instanceof OffsetDateTime offset) {
                return offset.toInstant().toEpochMilli();
            }
            return Instant.parse(time.toString()).toEpochMilli();
        }
    }

    /**
     * A dashboard page left open: a client on the page's Server-Sent Events ({@code /events}) from the job's start
     * to the end of the trial, reading every event as a browser's {@code EventSource} would (the page's drawing aside).
     */
    final class Page implements Probe {

        private final int port;
        private final List<Long> eventsReadAt = new ArrayList<>();
        private volatile InputStream stream;
        private volatile boolean closed;
        private Thread reader;

        Page(int port) {
            this.port = port;
        }

        @Override
        public List<String> options() {
            return List.of("--dashboard-port", Integer.toString(port));
        }

        @Override
        public void jobStarted() {
            reader = new Thread(this::read, "bench-page");
            reader.setDaemon(true);
            reader.start();
        }

        /** Connects as soon as the page answers, then reads until the job or the trial ends. */
        private void read() {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                    .header("Accept", "text/event-stream").build();
            while (!closed) {
                try {
                    HttpResponse<InputStream> response = client.send(request,
                            HttpResponse.BodyHandlers.ofInputStream());
                    if (response.statusCode() != 200) {
                        response.body().close();
                        TimeUnit.MILLISECONDS.sleep(200);
                        continue;
                    }
                    stream = response.body();
                    readEvents(stream);
                    return;
                } catch (IOException notYet) {
                    try {
                        TimeUnit.MILLISECONDS.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** An event ends with a blank line. */
        private void readEvents(InputStream in) throws IOException {
            byte[] buffer = new byte[1 << 16];
            int previous = -1;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n' && previous == '\n') {
                        synchronized (eventsReadAt) {
                            eventsReadAt.add(System.currentTimeMillis());
                        }
                    }
                    previous = buffer[i];
                }
            }
        }

        @Override
        public double perSecond(long from, long to) {
            if (to <= from) {
                return Double.NaN;
            }
            synchronized (eventsReadAt) {
                return eventsReadAt.stream().filter(at -> at >= from && at <= to).count() * 1000.0 / (to - from);
            }
        }

        @Override
        public void close() {
            closed = true;
            try {
                if (stream != null) {
                    stream.close();
                }
            } catch (IOException e) {
                // going anyway
            }
            if (reader != null) {
                reader.interrupt();
            }
        }
    }
}
