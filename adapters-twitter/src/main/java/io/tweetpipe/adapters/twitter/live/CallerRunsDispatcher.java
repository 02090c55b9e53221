package io.tweetpipe.adapters.twitter.live;

import twitter4j.Dispatcher;
import twitter4j.conf.Configuration;

/**
 * Runs twitter4j's listener calls on twitter4j's own stream thread, in the order the lines arrived, instead of on its
 * default thread pool. So every message of a connection reaches the source before that connection's failure does,
 * and nothing read before a drop is lost or reordered around the reconnection. It also tells a failure of the
 * connection (reported outside a dispatch) from twitter4j failing to parse one message (reported inside one).
 *
 * <p>twitter4j creates it by name, with this constructor, from {@code ConfigurationBuilder.setDispatcherImpl}.
 */
public final class CallerRunsDispatcher implements Dispatcher {

    private static final ThreadLocal<Boolean> DISPATCHING = new ThreadLocal<>();

    public CallerRunsDispatcher(Configuration configuration) {
        // Nothing to configure: no threads of its own.
    }

    @Override
    public void invokeLater(Runnable task) {
        DISPATCHING.set(Boolean.TRUE);
        try {
            task.run();
        } finally {
            DISPATCHING.remove();
        }
    }

    @Override
    public void shutdown() {
        // No threads to stop.
    }

    /** Is the calling thread running a listener call for one message right now? */
    static boolean dispatching() {
        return DISPATCHING.get() != null;
    }
}
