package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.TweetColumns;
import io.tweetpipe.domain.tweet.TweetRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The domain's {@link TweetColumns} as a Spark SQL schema, and a record as a row of it. */
final class TweetRows {

    static final StructType SCHEMA = DataTypes.createStructType(TweetColumns.all()
            .map(column -> DataTypes.createStructField(column.column(), type(column.type()), true))
            .toJavaList());

    private static final TweetColumns[] COLUMNS = TweetColumns.values();

    private TweetRows() {
    }

    /**
     * A record as a row of the columns read alone, in the schema's order: a query cannot see a column it does not
     * read, and Spark converts every value of every row it is given, null or not, which for the columns no query
     * reads was most of the query's cost.
     */
    static Row row(TweetRecord tweet, BitSet columnsRead) {
        Object[] values = new Object[columnsRead.cardinality()];
        int value = 0;
        for (int i = columnsRead.nextSetBit(0); i >= 0; i = columnsRead.nextSetBit(i + 1)) {
            values[value++] = external(COLUMNS[i].valueOf(tweet));
        }
        return RowFactory.create(values);
    }

    /** The view's schema narrowed to the columns read: the rows {@link #row} makes. */
    static StructType schema(BitSet columnsRead) {
        return DataTypes.createStructType(columnsRead.stream().mapToObj(i -> SCHEMA.fields()[i]).toList());
    }

    /** The schema's columns named (in any case), by position. */
    static BitSet named(Set<String> names) {
        BitSet named = new BitSet(COLUMNS.length);
        for (int i = 0; i < COLUMNS.length; i++) {
            named.set(i, names.contains(COLUMNS[i].column().toLowerCase(Locale.ROOT)));
        }
        return named;
    }

    /** Spark's external types for a Row: Timestamp for a timestamp, a Scala Seq for an array. */
    private static Object external(Object value) {
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof List<?> list) {
            return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
        }
        return value;
    }

    private static DataType type(TweetColumns.Type type) {
        return switch (type) {
            case BIGINT -> DataTypes.LongType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case STRING -> DataTypes.StringType;
            case BOOLEAN -> DataTypes.BooleanType;
            case STRING_ARRAY -> DataTypes.createArrayType(DataTypes.StringType, false);
        };
    }
}
