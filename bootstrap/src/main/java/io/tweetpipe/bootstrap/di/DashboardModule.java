package io.tweetpipe.bootstrap.di;

import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import io.tweetpipe.adapters.socket.RelayStats;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.adapters.web.Dashboard;
import io.tweetpipe.adapters.web.PartState;
import io.tweetpipe.application.port.in.RelayReport;
import io.tweetpipe.application.port.in.RelayTweetsUseCase;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.inject.Singleton;

/**
 * The live dashboard, when the run asks for one: a web server on the driver, and one more sink for the stream's
 * outputs, as the run's settings say (none when the user turned the dashboard off). In the demo the relay runs in the same process, and the page shows its state beside the receiver's; the stream process
 * has no relay to show.
 */
@Module
public abstract class DashboardModule {

    private DashboardModule() {
    }

    /** Present where {@link RelayModule} is installed (the demo), absent in the stream process. */
    @BindsOptionalOf
    abstract RelayOutlet relayOutlet();

    @BindsOptionalOf
    abstract RelayTweetsUseCase relayTweets();

    @Provides
    @Singleton
    static Option<Dashboard> dashboard(PipelineConfig config, Optional<RelayOutlet> relay,
                                       Optional<RelayTweetsUseCase> relayTweets) {
        return config.dashboard().map(dashboard -> Dashboard.start(dashboard, batchInterval(config),
                        relayState(Option.ofOptional(relay).flatMap(RelayOutlet::socket),
                                Option.ofOptional(relayTweets)))
                .getOrElseThrow(StartupFailure::new));
    }

    @Provides
    @ElementsIntoSet
    static Set<BatchSink> dashboardSink(Option<Dashboard> dashboard) {
        return dashboard.map(running -> Set.of(running.sink())).getOrElse(Set.of());
    }

    private static Duration batchInterval(PipelineConfig config) {
        return config.spark().map(SparkSettings::batchInterval).getOrElseThrow(() ->
                new IllegalStateException("the " + config.mode() + " mode's settings have no stream to show"));
    }

    /** The relay as the page shows it, asked once a batch: its socket's counters and what it did with the source. */
    static Supplier<Seq<PartState>> relayState(Option<SocketRelay> relay, Option<RelayTweetsUseCase> relayTweets) {
        if (relay.isEmpty()) {
            return List::empty;
        }
        return () -> {
            RelayStats stats = relay.get().stats();
            RelayReport report = relayTweets.map(RelayTweetsUseCase::progress)
                    .getOrElse(() -> new RelayReport(0, 0, 0, 0, 0, 0));
            String status = (relay.get().isOpen() ? "" : "closed, ") + stats.clients()
                    + (stats.clients() == 1 ? " reader" : " readers") + " connected"
                    + (stats.backlogFrames() > 0 ? ", " + stats.backlogFrames() + " frames kept for the next" : "");
            return List.of(new PartState("relay", status, List.of(
                    // Relayed, not sent: what waited in the backlog for the receiver reached it too.
                    PartState.Gauge.count("relayed", report.relayed()),
                    PartState.Gauge.count("dropped", stats.dropped()),
                    PartState.Gauge.count("rejected", report.rejected()),
                    PartState.Gauge.level("readers", stats.clients()),
                    PartState.Gauge.level("backlog frames", stats.backlogFrames()),
                    PartState.Gauge.level("buffered bytes", stats.bufferedBytes()))));
        };
    }
}
