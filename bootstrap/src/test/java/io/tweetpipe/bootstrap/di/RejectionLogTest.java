package io.tweetpipe.bootstrap.di;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.domain.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class RejectionLogTest {

    @Test
    void givenTheSameMalformedLinesOnEveryPassOfALoop_log_saysEachOnceAndThatRepeatsAreCounted() {
        Logger logger = Logger.getLogger("tweetpipe.test.rejections");
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                lines.add(record.getLevel() + " " + formatter.formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
        try {
            RejectionLog log = new RejectionLog(System.getLogger("tweetpipe.test.rejections"));
            for (int pass = 0; pass < 3; pass++) {
                log.accept(Rejection.of("line 7 of the bundled sample", "not JSON"));
                log.accept(Rejection.of("line 9 of the bundled sample", "a status without text"));
            }
            log.accept(Rejection.of("tweet 12", "nothing to read"));
        } finally {
            logger.removeHandler(capture);
        }

        assertEquals(List.of(
                "WARNING not relayed: line 7 of the bundled sample: not JSON",
                "WARNING not relayed: line 9 of the bundled sample: a status without text",
                "INFO not relayed again: line 7 of the bundled sample; refusals seen before are counted from now on, "
                        + "not logged again",
                "WARNING not relayed: tweet 12: nothing to read"), lines);
    }
}
