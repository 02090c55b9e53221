package io.tweetpipe.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.spark.SparkQueryAnalyzer;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One log format in every mode: a line java.util.logging writes (the relay alone) reads as the same line Spark's
 * log4j writes with the Spark adapter's configuration (the demo and the stream, where tweetpipe's lines are bridged).
 */
class LoggingTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    /** Checking a query starts Spark, which installs the adapter's logging configuration as the demo's start does. */
    @BeforeAll
    static void sparksLogging() {
        assertTrue(new SparkQueryAnalyzer().analyse("SELECT 1").isRight());
    }

    @ParameterizedTest
    @CsvSource({
        "INFO, INFO",
        "WARNING, WARN",
        "SEVERE, ERROR",
        "FINE, DEBUG",
        "FINER, DEBUG",
        "FINEST, TRACE",
    })
    void givenARecordAtEachLevel_oneLine_writesItAsTheSparkAdaptersLog4jLayoutDoes(String jul, String log4j) {
        LogRecord record = new LogRecord(Level.parse(jul), "relay on {0} closed");
        record.setParameters(new Object[] {"127.0.0.1:5555"});
        record.setLoggerName("io.tweetpipe.adapters.socket.SocketRelay");
        record.setInstant(AT);

        String written = new Logging.OneLine().format(record);

        assertEquals(sparkLayout(log4j, "io.tweetpipe.adapters.socket.SocketRelay", "relay on 127.0.0.1:5555 closed"),
                written);
        assertEquals(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(AT.atZone(
                java.time.ZoneId.systemDefault())) + " " + log4j + " SocketRelay: relay on 127.0.0.1:5555 closed"
                + System.lineSeparator(), written);
    }

    @Test
    void givenAShortLoggerName_oneLine_keepsIt() {
        LogRecord record = new LogRecord(Level.INFO, "stopping: asked to stop");
        record.setLoggerName("tweetpipe");
        record.setInstant(AT);

        assertEquals(sparkLayout("INFO", "tweetpipe", "stopping: asked to stop"), new Logging.OneLine().format(record));
    }

    /** The line the Spark adapter's log4j configuration writes for this event on standard error. */
    private static String sparkLayout(String level, String logger, String message) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Layout<?> layout = context.getConfiguration().getAppender("stderr").getLayout();
        return new String(layout.toByteArray(Log4jLogEvent.newBuilder()
                .setLoggerName(logger)
                .setLevel(org.apache.logging.log4j.Level.valueOf(level))
                .setMessage(new SimpleMessage(message))
                .setTimeMillis(AT.toEpochMilli())
                .build()), java.nio.charset.StandardCharsets.UTF_8);
    }
}
