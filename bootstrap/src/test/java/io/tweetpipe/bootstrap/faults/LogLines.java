package io.tweetpipe.bootstrap.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The lines one of the product's loggers (System.Logger, hence java.util.logging) writes while attached. */
final class LogLines extends Handler {

    private final Logger logger;
    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    LogLines(String name) {
        this.logger = Logger.getLogger(name);
    }

    void attach() {
        logger.addHandler(this);
    }

    void detach() {
        logger.removeHandler(this);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + formatter.formatMessage(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
