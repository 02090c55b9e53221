package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.batch.QueryRows;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.streaming.Time;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * A batch's (or window's) rows as the view {@code tweets}, the user's query over it, and its first rows to the
 * sinks. The session comes from the running SparkContext (the Spark guide's lazily built singleton), so a job
 * recovered from a checkpoint builds its own. The query was analysed before the stream started; what can still fail
 * at run time (a value an ANSI cast refuses) costs that batch's result and one line, not the stream.
 */
final class PublishQuery implements VoidFunction2<JavaRDD<Row>, Time> {

    static final String VIEW = "tweets";
    private static final Logger LOG = LogManager.getLogger(PublishQuery.class);

    private final Analysis.Sql sql;
    private final String sinkKey;
    private final StructType schema;

    /** @param columnsRead the view's columns the rows hold: those the job's queries read (see {@link #prepare}) */
    PublishQuery(Analysis.Sql sql, String sinkKey, BitSet columnsRead) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.sinkKey = Objects.requireNonNull(sinkKey, "sinkKey");
        this.schema = TweetRows.schema(columnsRead);
    }

    @Override
    public void call(JavaRDD<Row> rows, Time time) {
        SparkSession session = session(rows.context());
        session.createDataFrame(rows, schema).createOrReplaceTempView(VIEW);
        QueryRows result;
        try {
            Dataset<Row> answer = session.sql(sql.query());
            List<Row> shown = answer.limit(QueryRows.SHOWN + 1).collectAsList();
            result = new QueryRows(Instant.ofEpochMilli(time.milliseconds()), sql, Array.of(answer.columns()),
                    Array.ofAll(shown).take(QueryRows.SHOWN).map(PublishQuery::texts), shown.size() > QueryRows.SHOWN);
        } catch (RuntimeException e) {
            LOG.warn("the query failed on the batch of {} ms, which has no result: {}", time.milliseconds(),
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString()));
            return;
        }
        OrderedSink.registered(sinkKey).forEach(sink -> sink.result(result));
    }

    /** The session on this context, built once (after a recovery, on the new context). */
    static SparkSession session(SparkContext context) {
        return org.apache.spark.sql.classic.SparkSession.builder().sparkContext(context).getOrCreate();
    }

    /**
     * Plans the query once over an empty view before the stream starts, so that the first batch does not also pay
     * for building the session and generating the query's code (seconds, which made it late), and says which of the
     * view's columns it reads (lower-cased): the rows need hold no other.
     */
    static Set<String> prepare(SparkContext context, Analysis.Sql sql) {
        SparkSession session = session(context);
        session.createDataFrame(java.util.List.<Row>of(), TweetRows.SCHEMA).createOrReplaceTempView(VIEW);
        Dataset<Row> answer = session.sql(sql.query());
        answer.limit(QueryRows.SHOWN + 1).collectAsList();
        return columnsRead(((org.apache.spark.sql.classic.Dataset<Row>) answer).queryExecution().analyzed());
    }

    /**
     * Every name an operator of the analysed plan, or of any subquery in it, refers to: a superset of the view's
     * columns read (a name the query gives to something else only adds a column).
     */
    static Set<String> columnsRead(LogicalPlan plan) {
        Set<String> names = new HashSet<>();
        List<LogicalPlan> plans = new ArrayList<>(CollectionConverters.asJava(plan.subqueriesAll()));
        plans.add(plan);
        for (LogicalPlan each : plans) {
            each.foreach(node -> {
                CollectionConverters.asJava(node.references().toSeq())
                        .forEach(attribute -> names.add(attribute.name().toLowerCase(Locale.ROOT)));
                return BoxedUnit.UNIT;
            });
        }
        return names;
    }

    private static Seq<String> texts(Row row) {
        return Array.range(0, row.length()).map(i -> row.isNullAt(i) ? "null"
                : row.get(i) instanceof scala.collection.Seq<?> list ? list.mkString("[", ", ", "]")
                : String.valueOf(row.get(i)));
    }
}
