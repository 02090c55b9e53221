package io.tweetpipe.adapters.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetpipe.application.contract.StoredResultsContract;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.learning.Accuracy;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;

/** Reads what the file sink wrote the way a user's tool would: committed folders, JSON lines, with Jackson. */
final class StoredFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredFiles() {
    }

    /** The committed folders of one prefix, oldest first ({@code tweets}, {@code trends-hashtags}, ...). */
    static List<Path> folders(Path directory, String prefix) throws IOException {
        java.util.List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(directory, prefix + "-[0-9]*")) {
            all.forEach(folders::add);
        }
        folders.sort(Comparator.comparingLong(folder -> time(folder, prefix)));
        return List.ofAll(folders);
    }

    static long time(Path folder, String prefix) {
        return Long.parseLong(folder.getFileName().toString().substring(prefix.length() + 1));
    }

    /** Every line of a folder's parts, in partition order, parsed. */
    static List<JsonNode> lines(Path folder) throws IOException {
        java.util.List<Path> parts = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(folder, "part-*.jsonl")) {
            all.forEach(parts::add);
        }
        parts.sort(Comparator.naturalOrder());
        java.util.List<JsonNode> nodes = new ArrayList<>();
        for (Path part : parts) {
            for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                nodes.add(JSON.readTree(line));
            }
        }
        return List.ofAll(nodes);
    }

    static Seq<TweetRecord> records(Path directory) throws IOException {
        java.util.List<TweetRecord> records = new ArrayList<>();
        for (Path folder : folders(directory, FileRecordStore.PREFIX)) {
            for (JsonNode line : lines(folder)) {
                records.add(record(line));
            }
        }
        return List.ofAll(records);
    }

    static TweetRecord record(JsonNode line) {
        return new TweetRecord(Option.of(line.get("id")).filter(n -> !n.isNull()).map(JsonNode::longValue),
                text(line, "created_at").map(Instant::parse), text(line, "lang"), text(line, "author"),
                line.get("body").textValue(), line.get("extended").booleanValue(),
                new Entities(texts(line.get("hashtags")), texts(line.get("mentions")), texts(line.get("urls"))),
                text(line, "predicted_lang"));
    }

    private static Option<String> text(JsonNode line, String field) {
        return Option.of(line.get(field)).filter(n -> !n.isNull()).map(JsonNode::textValue);
    }

    private static List<String> texts(JsonNode array) {
        return List.ofAll(array::elements).map(JsonNode::textValue);
    }

    /** Every stored result as the contract's canonical lines. */
    static Seq<String> resultLines(Path directory) throws IOException {
        java.util.List<String> out = new ArrayList<>();
        for (String prefix : List.of("trends-hashtags", "trends-mentions", "trends-words")) {
            for (Path folder : folders(directory, prefix)) {
                for (JsonNode line : lines(folder)) {
                    out.add(StoredResultsContract.trend(prefix, Instant.parse(line.get("window_end").textValue()),
                            line.get("rank").intValue(), line.get("key").textValue(), line.get("count").longValue()));
                }
            }
        }
        for (Path folder : folders(directory, "totals")) {
            for (JsonNode line : lines(folder)) {
                Instant time = Instant.parse(line.get("time").textValue());
                out.add(StoredResultsContract.totals(time, line.get("distinct_hashtags").longValue(),
                        line.get("distinct_authors").longValue()));
                for (JsonNode top : line.get("top")) {
                    out.add(StoredResultsContract.total(time, top.get("rank").intValue(),
                            top.get("hashtag").textValue(), top.get("count").longValue()));
                }
            }
        }
        for (Path folder : folders(directory, "clusters")) {
            for (JsonNode line : lines(folder)) {
                Instant time = Instant.parse(line.get("time").textValue());
                out.add(StoredResultsContract.unclustered(time, line.get("unclustered").longValue()));
                for (JsonNode cluster : line.get("clusters")) {
                    int id = cluster.get("cluster").intValue();
                    out.add(StoredResultsContract.cluster(time, id, cluster.get("size").longValue(),
                            cluster.get("weight").doubleValue(), texts(cluster.get("top_terms"))));
                    cluster.get("languages").properties().forEach(language -> out.add(
                            StoredResultsContract.clusterLanguage(time, id, language.getKey(),
                                    language.getValue().longValue())));
                }
            }
        }
        for (Path folder : folders(directory, "classifier")) {
            for (JsonNode line : lines(folder)) {
                out.add(StoredResultsContract.classifier(Instant.parse(line.get("time").textValue()),
                        new Accuracy(line.get("batch_correct").longValue(), line.get("batch_judged").longValue()),
                        new Accuracy(line.get("cumulative_correct").longValue(),
                                line.get("cumulative_judged").longValue()),
                        line.get("unjudged").longValue(), line.get("unlabelled").longValue(),
                        line.get("languages").intValue()));
            }
        }
        for (Path folder : folders(directory, "predictions")) {
            for (JsonNode line : lines(folder)) {
                Instant time = Instant.parse(line.get("time").textValue());
                out.add(StoredResultsContract.agreement(time, line.get("model").textValue(),
                        new Accuracy(line.get("agreed").longValue(), line.get("judged").longValue())));
                line.get("counts").properties().forEach(language -> out.add(StoredResultsContract.predicted(time,
                        language.getKey(), language.getValue().longValue())));
            }
        }
        try (DirectoryStream<Path> queries = Files.newDirectoryStream(directory, "sql-*-[0-9]*")) {
            for (Path folder : queries) {
                String name = folder.getFileName().toString();
                Instant time = Instant.ofEpochMilli(Long.parseLong(name.substring(name.lastIndexOf('-') + 1)));
                String query = Files.readString(folder.resolve(FileResultSink.QUERY_FILE), StandardCharsets.UTF_8);
                query = query.substring(0, query.length() - 1);
                int row = 0;
                for (JsonNode line : lines(folder)) {
                    java.util.List<String> columns = new ArrayList<>();
                    java.util.List<String> values = new ArrayList<>();
                    line.properties().forEach(field -> {
                        columns.add(field.getKey());
                        values.add(field.getValue().isNull() ? null : field.getValue().textValue());
                    });
                    out.add(StoredResultsContract.queryRow(query, time, ++row, List.ofAll(columns),
                            List.ofAll(values)));
                }
            }
        }
        return List.ofAll(out);
    }
}
