package io.tweetpipe.bootstrap.faults;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** The lines one of Spark's side's loggers (log4j) writes while attached: how the receiver counts what it refuses. */
final class Log4jLines extends AbstractAppender {

    private final Logger logger;
    private final List<String> lines = new ArrayList<>();

    Log4jLines(String name) {
        super("fault-capture-" + name, null, null, true, Property.EMPTY_ARRAY);
        this.logger = (Logger) LogManager.getLogger(name);
    }

    /** Call after Spark has started: the adapter installs its logging configuration then. */
    void attach() {
        start();
        logger.addAppender(this);
    }

    void detach() {
        logger.removeAppender(this);
        stop();
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public synchronized void append(LogEvent event) {
        lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
    }
}
