package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.bootstrap.config.Mode;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import picocli.CommandLine.ArgGroup;

/**
 * The relay and the stream in one process, the stream reading the relay: the demo mode's options, which tweetpipe
 * takes when no mode is given.
 */
abstract class BothPrograms implements ModeCommand {

    @ArgGroup(validate = false, heading = FilterOptions.HEADING, order = 1)
    FilterOptions filter = new FilterOptions();

    @ArgGroup(validate = false, heading = SocketOptions.HEADING, order = 2)
    SocketOptions socket = new SocketOptions();

    @ArgGroup(validate = false, heading = SourceOptions.HEADING, order = 3)
    SourceOptions source = new SourceOptions();

    @ArgGroup(validate = false, heading = StreamOptions.HEADING, order = 4)
    StreamOptions stream = new StreamOptions();

    @ArgGroup(validate = false, heading = RunOptions.HEADING, order = 9)
    RunOptions run = new RunOptions();

    @Override
    public Validation<Seq<Rejection>, PipelineConfig> config() {
        return PipelineConfig.of(Mode.DEMO, filter.filter(), source.source, source.replay(), source.twitter(),
                socket.relay(), stream.spark(List.of(new SparkSettings.Relay(socket.host, socket.port)),
                        socket.maxFrameBytes).map(Option::some), run.runFor());
    }
}
