package io.tweetpipe.application.port.out;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** Checks a SQL query over the view {@code tweets} before any stream starts: its columns, or what is wrong with it. */
@FunctionalInterface
public interface QueryAnalyzer {

    Either<Rejection, Seq<String>> analyse(String query);
}
