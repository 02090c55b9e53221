package io.tweetpipe.bootstrap;

/** One line per log record, on standard error, so that standard output carries the batches alone. */
final class Logging {

    private Logging() {
    }

    static void configure() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$-7s %3$s: %5$s%6$s%n");
        }
    }
}
