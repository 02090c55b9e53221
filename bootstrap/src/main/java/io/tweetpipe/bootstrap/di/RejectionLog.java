package io.tweetpipe.bootstrap.di;

import io.tweetpipe.domain.Rejection;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The relay's refusals, each logged the first time it comes and only counted after that (the relay counts every one).
 * A looping replay meets the same malformed lines on every pass: the demo said each one again every pass, which on a
 * first run read like a pipeline failing. The first repeat says once that repeats are counted, not logged. Remembers
 * the most recent refusals only, a bounded number of them.
 */
final class RejectionLog implements Consumer<Rejection> {

    static final int REMEMBERED = 10_000;

    private final System.Logger log;
    private final Map<Rejection, Boolean> seen = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Rejection, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private boolean repeatSaid;

    RejectionLog(System.Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public synchronized void accept(Rejection rejection) {
        if (seen.put(rejection, Boolean.TRUE) == null) {
            log.log(Level.WARNING, "not relayed: {0}", rejection);
        } else if (!repeatSaid) {
            repeatSaid = true;
            log.log(Level.INFO, "not relayed again: {0}; refusals seen before are counted from now on, not logged "
                    + "again", rejection.subject());
        }
    }
}
