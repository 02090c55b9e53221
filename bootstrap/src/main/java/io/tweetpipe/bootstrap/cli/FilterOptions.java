package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import picocli.CommandLine;

/** Which tweets the source hands on (demo and relay). */
final class FilterOptions {

    @CommandLine.Option(names = "--keywords", paramLabel = "LIST", split = ",", defaultValue = "covid",
            description = "comma-separated phrases to track (default: ${DEFAULT-VALUE})")
    java.util.List<String> keywords;
    @CommandLine.Option(names = "--languages", paramLabel = "LIST", split = ",", defaultValue = "en",
            description = "comma-separated language codes, or \"\" for every one (default: ${DEFAULT-VALUE})")
    java.util.List<String> languages;

    Validation<Seq<Rejection>, TrackFilter> filter() {
        return TrackFilter.of(keywords, List.ofAll(languages).map(String::strip).filter(code -> !code.isEmpty()));
    }
}
