package io.tweetpipe.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.socket.RelayStats;
import io.tweetpipe.adapters.twitter.replay.ReplayPosition;
import io.tweetpipe.application.port.in.RelayReport;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelayLinesTest {

    private static final RelayReport REPORT = new RelayReport(3139, 2, 5, 7, 11, 13);
    private static final RelayStats SOCKET = new RelayStats(3144, 3139, 0, 0, 5, 0, 0, 0, 0, 0, 0, 1, 0, 0, 649_773,
            0, 1, 0, 0);

    @Test
    void givenAStop_stopped_isOneShortLineUnlessVerbose() {
        String line = RelayLines.stopped(REPORT, SOCKET, false);
        String verbose = RelayLines.stopped(REPORT, SOCKET, true);

        assertEquals("relay stopped: relayed 3139, rejected 2, dropped 5, deleted 7", line);
        assertTrue(verbose.startsWith("relay stopped: relayed 3139, rejected 2, dropped 5, deleted 7, withheld by the "
                + "source 11, notices 13; socket: published 3144, sent 3139,") && verbose.contains("bytes written "
                + "649773"), verbose);
        assertTrue(line.length() < 100 && verbose.length() > 300);
    }

    @Test
    void givenAQuarterOfAFileReadInTwentySeconds_progress_saysDoneRateAndTimeLeft() {
        ReplayPosition quarter = new ReplayPosition(1, 250, Option.some(1000L), false);

        assertEquals("relay: relayed 3139, rejected 2, dropped 5, deleted 7; replay 25% read, 157 tweets/s, about "
                + "60 s left", RelayLines.progress(REPORT, Option.some(quarter), Duration.ofSeconds(20)));
        assertEquals("relay: relayed 3139, rejected 2, dropped 5, deleted 7; replay 10% read, 5 tweets/s, about 1 h "
                + "30 min left", RelayLines.progress(REPORT, Option.some(new ReplayPosition(1, 100,
                Option.some(1000L), false)), Duration.ofMinutes(10)));
    }

    @Test
    void givenAReplayReadToTheEnd_progress_saysSoWithoutARate() {
        assertEquals("relay: relayed 3139, rejected 2, dropped 5, deleted 7; replay read to the end",
                RelayLines.progress(REPORT, Option.some(new ReplayPosition(1, 1000, Option.some(1000L), false)),
                        Duration.ofSeconds(20)));
    }

    @Test
    void givenALoopOrAnUnknownSize_progress_isTheCountsAlone() {
        String counts = "relay: relayed 3139, rejected 2, dropped 5, deleted 7";

        assertEquals(counts, RelayLines.progress(REPORT, Option.some(new ReplayPosition(2, 250, Option.some(1000L),
                true)), Duration.ofSeconds(20)));
        assertEquals(counts, RelayLines.progress(REPORT, Option.some(new ReplayPosition(1, 250, Option.none(),
                false)), Duration.ofSeconds(20)));
        assertEquals(counts, RelayLines.progress(REPORT, Option.none(), Duration.ofSeconds(20)));
    }

    @Test
    void givenDurations_human_roundsToWhatAPersonReads() {
        assertEquals("45 s", RelayLines.human(Duration.ofSeconds(45)));
        assertEquals("3 min", RelayLines.human(Duration.ofSeconds(170)));
        assertEquals("2 h 5 min", RelayLines.human(Duration.ofMinutes(125)));
    }
}
