package io.tweetpipe.bootstrap.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;

/**
 * The yardstick: the seed tutorial's second program, written in Java the way the tutorial writes it, with a count
 * per batch as issue 6 asks. {@code socketTextStream}, {@code flatMap(s -> s.lower().split("__end"))}, print the
 * first ten and the count; Spark's defaults for everything else (storage level, block interval, UI). The only
 * additions are a streaming listener that prints each batch's delays on one line for the harness, and WARN logging,
 * as most tutorials set (Spark's INFO lines cost nothing measurable, but drown standard error).
 *
 * <p>{@code PlainTutorialJob <host> <port> [batch ms] [master]}; stops on {@code stop} or the end of standard input.
 */
public final class PlainTutorialJob {

    private PlainTutorialJob() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        long batchMillis = args.length > 2 ? Long.parseLong(args[2]) : 1000;
        String master = args.length > 3 ? args[3] : "local[2]";

        SparkConf conf = new SparkConf().setMaster(master).setAppName("tweetStream");
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.milliseconds(batchMillis));
        ssc.sparkContext().setLogLevel("WARN");

        JavaDStream<String> lines = ssc.socketTextStream(host, port);
        JavaDStream<String> words = lines.flatMap(s -> Arrays.asList(s.toLowerCase().split("__end")).iterator());
        words.print();
        words.count().print();

        ssc.addStreamingListener(new DelaysPrinter());
        ssc.start();

        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && !line.strip().equals("stop"); line = in.readLine()) {
                // only "stop" means anything
            }
        }
        ssc.stop(true, false);
        System.exit(0);
    }

    /** One line per completed batch: time, records received, processing and scheduling delay in ms. */
    static final class DelaysPrinter implements StreamingListener {
        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
            BatchInfo info = completed.batchInfo();
            System.out.println("bench-figures " + info.batchTime().milliseconds() + " " + info.numRecords() + " "
                    + millis(info.processingDelay()) + " " + millis(info.schedulingDelay()));
            System.out.flush();
        }

        private static long millis(scala.Option<Object> delay) {
            return delay.isDefined() ? ((Number) delay.get()).longValue() : 0L;
        }
    }
}
