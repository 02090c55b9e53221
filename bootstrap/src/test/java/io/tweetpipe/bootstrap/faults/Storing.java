package io.tweetpipe.bootstrap.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a {@link StreamJobMain} process stores every record (files, and a database: SQLite or PostgreSQL), and how to
 * count what it stored, by sequence number.
 */
record Storing(Path files, String jdbcUrl, String jdbcUser) {

    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(Map.of(StreamJobMain.FILES, files.toString(),
                StreamJobMain.JDBC_URL, jdbcUrl));
        if (jdbcUser != null) {
            environment.put(StreamJobMain.JDBC_USER, jdbcUser);
        }
        return environment;
    }

    /** The database's name in the facts: {@code sqlite} or {@code postgres}. */
    private String database() {
        return jdbcUrl.startsWith("jdbc:sqlite:") ? "sqlite" : "postgres";
    }

    /** Rows per sequence number in the database's {@code tweets}, and in the files' committed batches. */
    Map<String, Map<Long, Integer>> stored() throws IOException {
        Map<String, Map<Long, Integer>> stores = new LinkedHashMap<>();
        Map<Long, Integer> database = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, jdbcUser, null);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT body FROM tweets")) {
            while (rows.next()) {
                database.merge(SequencedTweets.seqOf(rows.getString(1)), 1, Integer::sum);
            }
        } catch (SQLException e) {
            throw new IOException("cannot read what the job stored in " + jdbcUrl, e);
        }
        stores.put(database(), database);
        Map<Long, Integer> inFiles = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(files, "tweets-[0-9]*")) {
            for (Path folder : folders) {
                try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "part-*.jsonl")) {
                    for (Path part : parts) {
                        for (String line : Files.readAllLines(part)) {
                            inFiles.merge(SequencedTweets.seqOf(json.readTree(line).get("body").textValue()), 1,
                                    Integer::sum);
                        }
                    }
                }
            }
        }
        stores.put("files", inFiles);
        return stores;
    }

    /**
     * Per store ({@code files}, {@code sqlite} or {@code postgres}): the rows it holds ({@code *Rows}), the numbers
     * among them stored more than once ({@code *Duplicated}), the numbers of {@code expected} it lacks
     * ({@code *} + {@code lacking}), those it holds beyond them ({@code *} + {@code beyond}) and the rows that are not
     * a sequenced tweet ({@code *Mangled}).
     */
    Map<String, Long> facts(BitSet expected, String lacking, String beyond) throws IOException {
        Map<String, Long> facts = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Long, Integer>> store : stored().entrySet()) {
            Map<Long, Integer> rows = store.getValue();
            BitSet held = new BitSet();
            rows.keySet().stream().filter(seq -> seq >= 0).forEach(seq -> held.set((int) (long) seq));
            BitSet missing = (BitSet) expected.clone();
            missing.andNot(held);
            BitSet extra = (BitSet) held.clone();
            extra.andNot(expected);
            facts.put(store.getKey() + "Rows", rows.values().stream().mapToLong(n -> n).sum());
            facts.put(store.getKey() + "Duplicated", rows.values().stream().filter(n -> n > 1).count());
            facts.put(store.getKey() + lacking, (long) missing.cardinality());
            facts.put(store.getKey() + beyond, (long) extra.cardinality());
            facts.put(store.getKey() + "Mangled", (long) rows.getOrDefault(-1L, 0));
        }
        return facts;
    }
}
