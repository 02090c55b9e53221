package io.tweetpipe.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RecordStore} must do, run against memory, files and each database. Records are stored through a
 * serialized copy of the store, as Spark's executors receive it, and committed through the original, as the driver
 * does; then read back the way a user of the store would read them.
 */
public abstract class RecordStoreContract {

    protected static final Instant BATCH = Instant.ofEpochMilli(1_795_493_534_000L);
    protected static final Instant NEXT_BATCH = BATCH.plusSeconds(1);

    /** A new store over nothing stored yet. */
    protected abstract RecordStore store() throws Exception;

    /** Every record of the committed batches, read back from the store's medium: by batch, partition, position. */
    protected abstract Seq<TweetRecord> stored() throws Exception;

    /**
     * What a text becomes in this store's medium: itself, unless the medium cannot hold some character (UTF-8 holds no
     * lone surrogate, PostgreSQL's text no U+0000); the store must say which, and replace it by U+FFFD.
     */
    protected String asStored(String text) {
        return text;
    }

    /** A whole record, with every column given. */
    public static TweetRecord structured(long id, String body) {
        return new TweetRecord(Option.some(id), Option.some(Instant.parse("2026-11-24T08:06:00.123Z")),
                Option.some("en"), Option.some("author_" + id), body, true,
                new Entities(List.of("Covid", "vaccine"), List.of("who"), List.of("https://example.org/a?b=c&d=e")),
                Option.some("en"));  // as a language model trained offline predicted it (stream --model)
    }

    /** What the tutorial's wire gives: a body and nothing else. */
    public static TweetRecord text(String body) {
        return new TweetRecord(Option.none(), Option.none(), Option.none(), Option.none(), body, false,
                Entities.NONE);
    }

    /** The tweets that break stores: NUL, 10,000 characters, emoji, lone surrogates, the wire's marker, quoting. */
    public static List<String> hostileTexts() {
        StringBuilder long10k = new StringBuilder();
        while (long10k.length() < 10_000) {
            long10k.append(long10k.length() % 7 == 0 ? "😷" : "long tweet ");
        }
        long10k.setLength(10_000);
        if (Character.isHighSurrogate(long10k.charAt(9_999))) {
            long10k.setCharAt(9_999, 'x');
        }
        return List.of(
                "a NUL \u0000 inside, and one at the end \u0000",
                long10k.toString(),
                "flags 🇧🇷🇯🇵, a mask 😷, a scientist 👩‍🔬, skin tones 👍🏽, and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
                "a lone high \uD83D surrogate, a lone low \uDE37 one, and a reversed pair \uDE37\uD83D",
                "a literal __end inside, its escape _\\_end, and __end",
                "quotes \" ' ` , a backslash \\ , a tab \t , a line\nbreak, braces {} [] and a comma, ; | ",
                "");
    }

    private static Option<String> mapped(Option<String> text, java.util.function.UnaryOperator<String> f) {
        return text.map(f);
    }

    /** The record as this store gives it back. */
    protected TweetRecord expected(TweetRecord record) {
        return new TweetRecord(record.id(), record.createdAt(), mapped(record.lang(), this::asStored),
                mapped(record.author(), this::asStored), asStored(record.body()), record.extended(),
                new Entities(record.entities().hashtags().map(this::asStored).toList(),
                        record.entities().mentions().map(this::asStored).toList(),
                        record.entities().urls().map(this::asStored).toList()));
    }

    /** Entities as plain lists, so that records compare equal whichever sequence a reader built. */
    protected static Seq<TweetRecord> normalised(Seq<TweetRecord> records) {
        return records.map(r -> new TweetRecord(r.id(), r.createdAt(), r.lang(), r.author(), r.body(), r.extended(),
                new Entities(r.entities().hashtags().toList(), r.entities().mentions().toList(),
                        r.entities().urls().toList()))).toList();
    }

    /** The store as an executor gets it: through Java serialization, as Spark ships closures. */
    protected static RecordStore shipped(RecordStore store) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(store);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (RecordStore) in.readObject();
        }
    }

    private void assertStored(Seq<TweetRecord> expected) throws Exception {
        assertEquals(normalised(expected.map(this::expected)), normalised(stored()));
    }

    @Test
    void givenStructuredAndTextRecords_storeAndCommit_readsEveryColumnBack() throws Exception {
        RecordStore store = store();
        List<TweetRecord> records = List.of(structured(1_795_493_534_001L, "Just got my #Covid booster"),
                text("just a body, as the tutorial's wire gives it"), structured(7L, "a small id"));

        shipped(store).store(BATCH, 0, records.iterator());
        store.commit(BATCH);

        assertStored(records);
    }

    @Test
    void givenHostileTexts_storeAndCommit_readsThemBackAsTheStoreSaysItKeepsThem() throws Exception {
        RecordStore store = store();
        List<String> hostile = hostileTexts();
        List<TweetRecord> records = hostile.map(RecordStoreContract::text)
                .appendAll(hostile.zipWithIndex().map(pair -> new TweetRecord(Option.some(100L + pair._2),
                        Option.some(Instant.parse("2026-11-24T08:06:00Z")), Option.some("und"),
                        Option.some("au\u0000thor 😷"), pair._1, false,
                        new Entities(List.of("tag,with\"quote", "ta}g\\", pair._1.isEmpty() ? "e" : "#" + pair._1),
                                List.of("o'brien"), List.of()))));

        shipped(store).store(BATCH, 0, records.iterator());
        store.commit(BATCH);

        assertStored(records);
    }

    @Test
    void givenABatchStoredAndCommittedTwice_stored_holdsItOnce() throws Exception {
        RecordStore store = store();
        List<TweetRecord> first = List.of(structured(11L, "one"), text("same text"), text("same text"));
        List<TweetRecord> second = List.of(text("second partition"), structured(12L, "two"));

        for (int run = 0; run < 2; run++) {  // as a batch run again after a restart from a checkpoint
            RecordStore executor = shipped(store);
            executor.store(BATCH, 0, first.iterator());
            executor.store(BATCH, 1, second.iterator());
            store.commit(BATCH);
        }

        assertStored(first.appendAll(second));
    }

    @Test
    void givenAPartitionRetried_stored_holdsItOnceBesideTheOthers() throws Exception {
        RecordStore store = store();
        List<TweetRecord> zero = List.of(text("partition zero"));
        List<TweetRecord> one = List.of(text("partition one, first"), text("partition one, second"));

        shipped(store).store(BATCH, 1, one.iterator());
        shipped(store).store(BATCH, 0, zero.iterator());
        shipped(store).store(BATCH, 1, one.iterator());  // a task that failed late and ran again
        store.commit(BATCH);

        assertStored(zero.appendAll(one));
    }

    @Test
    void givenSeveralBatchesAndAnEmptyOne_stored_holdsEachInBatchOrder() throws Exception {
        RecordStore store = store();
        Instant empty = NEXT_BATCH.plusSeconds(1);

        shipped(store).store(NEXT_BATCH, 0, List.of(text("later batch")).iterator());
        store.commit(NEXT_BATCH);
        shipped(store).store(BATCH, 0, List.of(text("earlier batch")).iterator());
        store.commit(BATCH);
        shipped(store).store(empty, 0, List.<TweetRecord>empty().iterator());
        store.commit(empty);
        store.commit(empty.plusSeconds(1));  // a batch with no partition at all

        assertStored(List.of(text("earlier batch"), text("later batch")));
    }
}
