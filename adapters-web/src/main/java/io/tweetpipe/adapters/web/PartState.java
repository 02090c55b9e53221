package io.tweetpipe.adapters.web;

import io.vavr.collection.Seq;
import java.util.Objects;

/**
 * One part of the pipeline as the dashboard shows it beside the batches: the relay, the receiver. The bootstrap builds
 * these from what each part reports (the relay's counts, its socket's figures), so the dashboard needs no other
 * adapter.
 *
 * @param name what the part is, e.g. {@code relay}
 * @param status one line on how it is doing now, e.g. {@code 1 reader connected}
 * @param gauges its figures, in the order to show them
 */
public record PartState(String name, String status, Seq<Gauge> gauges) {

    public PartState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(gauges, "gauges");
    }

    /**
     * One figure of a part.
     *
     * @param cumulative whether it counts since the start (the page charts its rate per second) rather than says how
     *     much there is now (a backlog, connected readers)
     */
    public record Gauge(String name, long value, boolean cumulative) {

        public Gauge {
            Objects.requireNonNull(name, "name");
        }

        /** A count since the start: relayed, dropped. */
        public static Gauge count(String name, long value) {
            return new Gauge(name, value, true);
        }

        /** A level now: readers connected, frames in the backlog. */
        public static Gauge level(String name, long value) {
            return new Gauge(name, value, false);
        }
    }
}
