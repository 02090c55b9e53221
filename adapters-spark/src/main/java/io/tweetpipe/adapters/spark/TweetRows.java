package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.TweetColumns;
import io.tweetpipe.domain.tweet.TweetRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

    private TweetRows() {
    }

    static Row row(TweetRecord tweet) {
        return RowFactory.create(TweetColumns.all().map(column -> external(column.valueOf(tweet))).toJavaArray());
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
