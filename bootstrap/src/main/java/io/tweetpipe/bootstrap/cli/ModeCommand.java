package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/** A mode of tweetpipe: its option groups, each turned into its part of the run's settings. */
interface ModeCommand {

    Validation<Seq<Rejection>, PipelineConfig> config();
}
