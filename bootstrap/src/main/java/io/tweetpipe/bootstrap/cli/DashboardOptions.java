package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.adapters.web.DashboardSettings;
import io.tweetpipe.bootstrap.config.PipelineConfig.Mode;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import picocli.CommandLine;

/** The live page (stream and demo): on by default in the demo, asked for in stream. Always on loopback. */
final class DashboardOptions {

    static final String HEADING = "%nDashboard:%n";

    @CommandLine.Option(names = "--dashboard", negatable = true, description = "serve a live page of the stream on "
            + "127.0.0.1 (default: on in the demo, off in stream); --no-dashboard turns it off")
    Boolean dashboard;
    @CommandLine.Option(names = "--dashboard-port", paramLabel = "PORT", description = "the page's port, 0 for any "
            + "free one; turns the page on (default: " + DashboardSettings.DEFAULT_PORT + ")")
    Integer port;

    Validation<Seq<Rejection>, Option<DashboardSettings>> dashboard(Mode mode) {
        boolean on = dashboard != null ? dashboard : mode == Mode.DEMO || port != null;
        if (!on) {
            return Validation.valid(Option.none());
        }
        return Validation.fromEither(DashboardSettings.of(DashboardSettings.DEFAULT_HOST,
                port == null ? DashboardSettings.DEFAULT_PORT : port, false).map(Option::some).mapLeft(List::of));
    }
}
