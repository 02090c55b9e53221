package io.tweetpipe.bootstrap;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZonedDateTime;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One line per log record, on standard error, so that standard output carries the batches alone; and one format in
 * every mode. tweetpipe's own lines go through {@link System.Logger}, hence java.util.logging; where Spark runs (the
 * stream and the demo) they are bridged into log4j and written with the Spark adapter's pattern,
 * {@code %d{HH:mm:ss} %level %c{1}: %m%n%ex}. This writes java.util.logging's lines the same way (the bridge's level
 * names, the logger's last name), so that a relay's {@code 10:00:00 WARN SocketRelay: ...} reads as the demo's does.
 * A logging configuration the user gives (a config file or class, a SimpleFormatter format) is left alone.
 */
final class Logging {

    private Logging() {
    }

    static void configure() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null
                || System.getProperty("java.util.logging.SimpleFormatter.format") != null) {
            return;
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(new OneLine());
        }
    }

    /** {@code HH:mm:ss LEVEL Name: message}, and the stack trace after it when there is one. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringWriter out = new StringWriter();
            out.append(String.format("%1$tT %2$s %3$s: %4$s%n", ZonedDateTime.ofInstant(record.getInstant(),
                    java.time.ZoneId.systemDefault()), level(record.getLevel()), shortName(record.getLoggerName()),
                    formatMessage(record)));
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(out));
            }
            return out.toString();
        }

        /** java.util.logging's levels as the bridge into log4j (jul-to-slf4j) names them. */
        static String level(Level level) {
            int value = level.intValue();
            return value <= Level.FINEST.intValue() ? "TRACE"
                    : value <= Level.FINE.intValue() ? "DEBUG"
                    : value <= Level.INFO.intValue() ? "INFO"
                    : value <= Level.WARNING.intValue() ? "WARN"
                    : "ERROR";
        }

        /** The last part of a logger's name, as log4j's {@code %c{1}} writes it. */
        static String shortName(String name) {
            return name == null ? "" : name.substring(name.lastIndexOf('.') + 1);
        }
    }
}
