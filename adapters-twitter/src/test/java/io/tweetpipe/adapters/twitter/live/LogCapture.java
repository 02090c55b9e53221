package io.tweetpipe.adapters.twitter.live;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every java.util.logging line of a test, at every level, of the loggers named and the rest as configured: each
 * line's text with its parameters and stack trace, and the logger that wrote it. Levels are put back afterwards.
 */
final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    final java.util.List<String> lines = new CopyOnWriteArrayList<>();
    final java.util.List<String> loggers = new CopyOnWriteArrayList<>();
    // Strong references: java.util.logging forgets a logger's level when the logger is collected.
    private final java.util.List<Logger> opened;
    private final java.util.List<Level> before = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter();
            text.append(record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            lines.add(text.toString());
            loggers.add(record.getLoggerName());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Captures these loggers (and those below them) at every level. */
    LogCapture(String... everyLevelOf) {
        this.opened = java.util.Arrays.stream(everyLevelOf).map(Logger::getLogger).toList();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        before.clear();
        for (Logger logger : opened) {
            before.add(logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root.removeHandler(capture);
        for (int i = 0; i < opened.size(); i++) {
            opened.get(i).setLevel(before.get(i));
        }
    }
}
