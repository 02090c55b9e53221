package io.tweetpipe.adapters.web;

import io.tweetpipe.application.contract.BatchSinkContract;
import io.tweetpipe.application.port.out.BatchSink;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dashboard shows what print() shows, like every sink: the tweets of its state, one a line. */
class DashboardSinkContractTest extends BatchSinkContract {

    private static final Pattern TEXT = Pattern.compile("\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final DashboardSink sink = new DashboardSink(Duration.ofSeconds(1), Duration.ofMinutes(1), List::empty);

    @Override
    protected BatchSink sink() {
        return sink;
    }

    @Override
    protected String shown() {
        StringBuilder shown = new StringBuilder();
        Matcher text = TEXT.matcher(sink.state());
        while (text.find()) {
            shown.append(text.group(1)).append('\n');
        }
        return shown.toString();
    }
}
