package io.tweetpipe.adapters.jdbc;

import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.analysis.TweetColumns;
import io.tweetpipe.domain.tweet.TweetRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;

/**
 * Every record in the table {@code tweets}, written by the executor that holds its partition: batched inserts, one
 * transaction per partition, through this JVM's pool. An insert that meets a row already there (the same place in the
 * same batch, or the same tweet id) does nothing, so a batch or a partition written again adds no row. The commit
 * notes the batch in {@code batches}: a reader that wants whole batches only joins on it.
 *
 * <p>Holds its settings alone (no connection, no password): it is what Spark ships to the executors and checkpoints.
 */
public final class JdbcRecordStore implements RecordStore {

    /** Rows per round trip: enough that the network is not the limit, few enough to keep a batch's memory small. */
    static final int ROWS_PER_EXECUTE = 1_000;

    private final JdbcSettings settings;

    JdbcRecordStore(JdbcSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void store(Instant batchTime, int partition, Iterator<TweetRecord> records) {
        String what = "partition " + partition + " of the batch of " + batchTime.toEpochMilli() + " ms";
        Transactions.run(settings, what, connection -> {
            Dialect dialect = settings.dialect();
            try (PreparedStatement insert = connection.prepareStatement(Schema.insertRecord())) {
                int row = 0;
                int pending = 0;
                while (records.hasNext()) {
                    bind(connection, dialect, insert, batchTime, partition, row++, records.next());
                    insert.addBatch();
                    if (++pending == ROWS_PER_EXECUTE) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    @Override
    public void commit(Instant batchTime) {
        Transactions.run(settings, "the batch of " + batchTime.toEpochMilli() + " ms", connection -> {
            try (PreparedStatement note = connection.prepareStatement(
                    "INSERT INTO batches (batch_time, records_stored_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                settings.dialect().bindTime(note, 1, batchTime);
                settings.dialect().bindTime(note, 2, Instant.now());
                note.executeUpdate();
            }
        });
    }

    private static void bind(Connection connection, Dialect dialect, PreparedStatement insert, Instant batchTime,
                             int partition, int row, TweetRecord record) throws SQLException {
        dialect.bindTime(insert, 1, batchTime);
        insert.setInt(2, partition);
        insert.setInt(3, row);
        int index = 4;
        for (TweetColumns column : TweetColumns.values()) {
            dialect.bind(connection, insert, index++, column.type(), column.valueOf(record));
        }
    }

    @Override
    public String toString() {
        return "records in " + settings.shownUrl();
    }
}
