package io.tweetpipe.adapters.twitter.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySettingsTest {

    @TempDir
    Path directory;

    @Test
    void givenNoFile_of_meansTheBundledSample() {
        ReplaySettings settings = ReplaySettings.bundledSample(100, true).get();

        assertEquals(new ReplaySettings(Option.none(), 100, true), settings);
        assertEquals("the bundled sample", settings.describe());
    }

    @Test
    void givenReadableFile_of_acceptsIt() throws Exception {
        Path file = Files.writeString(directory.resolve("r.jsonl"), "");

        assertEquals(Option.some(file), ReplaySettings.of(Option.some(file), 0, false).get().file());
    }

    @Test
    void givenBadRateAndMissingFile_of_reportsBothAtOnce() {
        Path missing = directory.resolve("nowhere.jsonl");

        Seq<Rejection> problems = ReplaySettings.of(Option.some(missing), -3, false).getError();

        assertEquals(List.of("rate", "replay file"), problems.map(Rejection::subject));
        assertTrue(problems.get(1).reason().equals(missing + " does not exist"), problems.get(1).reason());
    }

    @Test
    void givenDirectory_of_saysItIsNotAFile() {
        Seq<Rejection> problems = ReplaySettings.of(Option.some(directory), 1, false).getError();

        assertEquals(List.of(Rejection.of("replay file", directory + " is not a regular file")), problems);
    }

    @Test
    void givenRatesOutOfRange_of_rejectsEach() {
        for (double rate : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY, ReplaySettings.MAX_RATE + 1}) {
            assertTrue(ReplaySettings.bundledSample(rate, false).isInvalid(), "rate " + rate);
        }
        assertTrue(ReplaySettings.bundledSample(0.5, false).isValid());
        assertTrue(ReplaySettings.bundledSample(ReplaySettings.MAX_RATE, false).isValid());
    }
}
