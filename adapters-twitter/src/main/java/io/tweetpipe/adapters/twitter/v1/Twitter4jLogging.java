package io.tweetpipe.adapters.twitter.v1;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Where twitter4j's own log lines go. twitter4j picks its logger factory once, when its {@code Logger} class loads,
 * from the system property {@value #PROPERTY}; without one it prints to standard output. This factory sends its lines
 * to {@link System.Logger} under {@code twitter4j.*}, one level quieter than twitter4j meant them, because every event
 * worth a user's attention (a refused filter, a reconnection, an unknown message) is reported by this adapter in its
 * own words. Any registered secret is masked in every line, whatever the level.
 */
public final class Twitter4jLogging extends twitter4j.LoggerFactory {

    static final String PROPERTY = "twitter4j.loggerFactory";
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();
    private static final int SHORTEST_SECRET = 4;

    /** twitter4j builds this factory by name; call {@link #install()} instead. */
    public Twitter4jLogging() {
    }

    /**
     * Chooses this factory unless the user chose another; must run before twitter4j loads a class, which is why every
     * class here that touches twitter4j calls it in its static initialiser.
     */
    public static void install() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Twitter4jLogging.class.getName());
        }
        // At FINE the JDK's HTTP client, which twitter4j uses, logs every request header, OAuth's Authorization
        // (consumer key, access token) included: however verbose a user makes java.util.logging, not that logger.
        HTTP_HEADERS.setLevel(java.util.logging.Level.INFO);
    }

    /** Held here: java.util.logging keeps loggers weakly, and a collected one would forget its level. */
    private static final java.util.logging.Logger HTTP_HEADERS =
            java.util.logging.Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection");

    /** Masks this value in every line twitter4j logs from now on. */
    public static void mask(String secret) {
        if (secret != null && secret.length() >= SHORTEST_SECRET) {
            SECRETS.add(secret);
        }
    }

    static String redact(String line) {
        String out = line == null ? "" : line;
        for (String secret : SECRETS) {
            out = out.replace(secret, "****");
        }
        return out;
    }

    @Override
    public twitter4j.Logger getLogger(Class<?> type) {
        return new Bridge(System.getLogger("twitter4j." + type.getSimpleName()));
    }

    /** twitter4j's levels, each one step down: debug to TRACE, info and warn to DEBUG, error to WARNING. */
    private static final class Bridge extends twitter4j.Logger {
        private final System.Logger logger;

        Bridge(System.Logger logger) {
            this.logger = logger;
        }

        private void log(Level level, String message, Throwable thrown) {
            if (logger.isLoggable(level)) {
                String text = redact(message);
                if (thrown == null) {
                    logger.log(level, text);
                } else {
                    logger.log(level, text + ": " + redact(String.valueOf(thrown.getMessage())));
                }
            }
        }

        @Override
        public boolean isDebugEnabled() {
            return logger.isLoggable(Level.TRACE);
        }

        @Override
        public boolean isInfoEnabled() {
            return logger.isLoggable(Level.DEBUG);
        }

        @Override
        public boolean isWarnEnabled() {
            return logger.isLoggable(Level.DEBUG);
        }

        @Override
        public boolean isErrorEnabled() {
            return logger.isLoggable(Level.WARNING);
        }

        @Override
        public void debug(String message) {
            log(Level.TRACE, message, null);
        }

        @Override
        public void debug(String message, String message2) {
            log(Level.TRACE, message + message2, null);
        }

        @Override
        public void info(String message) {
            log(Level.DEBUG, message, null);
        }

        @Override
        public void info(String message, String message2) {
            log(Level.DEBUG, message + message2, null);
        }

        @Override
        public void warn(String message) {
            log(Level.DEBUG, message, null);
        }

        @Override
        public void warn(String message, String message2) {
            log(Level.DEBUG, message + message2, null);
        }

        @Override
        public void warn(String message, Throwable th) {
            log(Level.DEBUG, message, th);
        }

        @Override
        public void error(String message) {
            log(Level.WARNING, message, null);
        }

        @Override
        public void error(String message, Throwable th) {
            log(Level.WARNING, message, th);
        }
    }
}
