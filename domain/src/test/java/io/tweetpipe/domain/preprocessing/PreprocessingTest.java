package io.tweetpipe.domain.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vavr.collection.List;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    @Test
    void givenSeedInput_apply_splitsLowercasesTrimsAndDropsEmpty() {
        assertEquals(List.of("hello world", "an extended one"),
                Preprocessing.standard().apply("Hello World__end An Extended ONE __end   __end"));
    }

    @Test
    void givenTurkishDefaultLocale_apply_lowercasesTheSameEverywhere() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertEquals(List.of("title"), Preprocessing.standard().apply("TITLE__end"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void givenEscapedMarkerAndBackslash_apply_restoresThem() {
        assertEquals(List.of("a __end b \\ c"), Preprocessing.standard().apply("A _\\_end B \\\\ C__end\n"));
    }

    @Test
    void givenExtraRule_apply_runsItAfterTheStandardOnes() {
        Preprocessing noLinks = Preprocessing.standard()
                .withNormaliser(text -> text.replaceAll("https?://\\S+", "").strip())
                .withFilter(text -> !text.startsWith("rt "));

        assertEquals(List.of("see"), noLinks.apply("See https://t.co/x__endRT copied__end"));
    }

    @Test
    void standard_survivesJavaSerialization_asSparkShipsIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(Preprocessing.standard());
        }
        Preprocessing copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Preprocessing) in.readObject();
        }

        assertEquals(List.of("a", "b"), copy.apply("A__end B __end"));
        // The standard rules come back as themselves, so applyUtf8 takes its one pass on an executor too.
        assertSame(Rules.SPLIT_ON_MARKER, copy.splitter());
        assertEquals(List.of(Rules.UNESCAPE, Rules.NORMALISE_TEXT, Rules.LOWERCASE, Rules.TRIM), copy.normalisers());
        assertSame(Rules.NOT_EMPTY, copy.filters().head());
    }
}
