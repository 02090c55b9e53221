package io.tweetpipe.bootstrap.faults;

import io.tweetpipe.bootstrap.broker.EmbeddedKafka;
import io.tweetpipe.bootstrap.faults.Pipelines.CountingStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The faults over Kafka ({@code --transport kafka}): the relay (a {@link SequencedRelayMain} process publishing
 * structured records keyed by tweet id, through the product's Kafka publisher) and the stream's direct stream on a
 * real KRaft broker in this JVM ({@link EmbeddedKafka}). Counted by sequence number, hence by tweet id, against what
 * the relay published: the frames its producer took ({@code SENT}); what it refused for a full buffer is a counted
 * drop, never sent.
 *
 * <p>Every wait is on a condition, under a guard that only stops a hang; nothing here measures speed to decide.
 */
final class KafkaFaults {

    private static final Duration GUARD = Faults.GUARD;
    private static final String TOPIC = "tweets";
    /** The stream mode asks for a relay's port even when it reads Kafka; it is never used. */
    private static final int UNUSED_PORT = 5555;
    /** As the demo's embedded broker: the direct stream reads them in parallel. */
    private static final int PARTITIONS = 2;

    private final Path dir;

    KafkaFaults(Path dir) {
        this.dir = dir;
    }

    private static long atLeastOne(double rate, Duration span) {
        return Math.max(1, (long) (rate * span.toMillis() / 1000.0));
    }

    private static Map<String, Object> relayArgs(EmbeddedKafka kafka, long from, double rate) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("kafka", kafka.bootstrapServers());
        args.put("topic", TOPIC);
        args.put("from", from);
        args.put("rate", rate);
        return args;
    }

    /** The stream mode's options for the topic, from its earliest record, committing as {@code group}. */
    private static List<String> streamOptions(EmbeddedKafka kafka, String group) {
        return List.of("--transport", "kafka", "--kafka-bootstrap", kafka.bootstrapServers(), "--kafka-topic", TOPIC,
                "--kafka-group", group, "--kafka-start", "earliest");
    }

    private static void await(Ledger ledger, Predicate<Ledger> condition, String what) throws InterruptedException {
        if (!ledger.await(condition, GUARD)) {
            throw new AssertionError("gave up waiting for " + what + " after " + GUARD + ": " + ledger);
        }
    }

    /**
     * The stream job (a {@link StreamJobMain} process) is killed (SIGKILL) while it stores every record in files and
     * in SQLite, and started again at once on the same {@code --checkpoint}; the relay keeps publishing to the topic
     * meanwhile. The checkpoint holds the offset ranges of the batches it had generated: the restarted job runs
     * those again, then reads on from where they end.
     *
     * <p>The report's {@code lost} and {@code duplicated} are the stores' (the worse of the two); the facts add each
     * store's ({@link Storing#facts}, against what the relay published) and what the jobs printed, which is not
     * idempotent ({@code printedDuplicated}: batches run again print again).
     */
    FaultReport streamJobKill(double rate, Duration before, Duration after) throws IOException, InterruptedException {
        Storing storing = new Storing(Files.createTempDirectory(dir, "stored-files"),
                "jdbc:sqlite:" + dir.resolve("stored.db").toAbsolutePath(), null);
        Path checkpoint = Files.createTempDirectory(dir, "checkpoint");
        Ledger ledger = new Ledger();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(TOPIC, PARTITIONS);
             RelayProcess relay = RelayProcess.start(dir, "kafka-relay-for-a-killed-job", relayArgs(kafka, 0, rate))) {
            List<String> args = new ArrayList<>(List.of("stream", "--batch-interval", Faults.BATCH.toMillis() + "ms",
                    "--checkpoint", checkpoint.toString()));
            args.addAll(streamOptions(kafka, "killed-job"));
            long killedAt;
            long attemptingAtKill;
            long killedJobWorstDelay;
            try (StreamJobProcess first = StreamJobProcess.start(dir, "kafka-job-before-kill", ledger, args,
                    storing.environment())) {
                first.await(l -> l.distinct() >= atLeastOne(rate, before), "the stream to flow before the kill");
                killedAt = System.nanoTime();
                first.kill();
                attemptingAtKill = relay.progress().attempting();
                first.awaitOutputCounted();
                killedJobWorstDelay = first.worstSchedulingDelayMillis();
            }
            long printedByKilled = ledger.distinct();
            ledger.watchFrom(attemptingAtKill + 1);
            try (StreamJobProcess second = StreamJobProcess.start(dir, "kafka-job-after-kill", ledger, args,
                    storing.environment())) {
                second.await(l -> l.receivedIn(attemptingAtKill + 1, Integer.MAX_VALUE) >= atLeastOne(rate, after),
                        "the stream to resume after the restart (relay " + relay.stats() + ")");
                long recoveredAt = ledger.watchedArrivalNanos();
                Map<String, Long> fin = relay.stop(GUARD);
                BitSet published = relay.outcomes().accepted();
                long last = published.length() - 1;
                second.await(l -> l.has(last), "the relay's last record");
                second.stop(GUARD);

                Map<String, Long> facts = new LinkedHashMap<>(storing.facts(published, "Lost", "Unpublished"));
                long lost = Math.max(facts.get("filesLost"), facts.get("sqliteLost"));
                long duplicated = Math.max(facts.get("filesDuplicated"), facts.get("sqliteDuplicated"));
                long mangled = Math.max(facts.get("filesMangled") + facts.get("filesUnpublished"),
                        facts.get("sqliteMangled") + facts.get("sqliteUnpublished"));
                facts.putAll(FaultReport.facts("printedByKilledJob", printedByKilled, "printedLost",
                        ledger.missing(published, 0), "printedDuplicated", ledger.duplicates(),
                        "printedMangled", ledger.mangled(), "recoveredBatchRecords", second.recovered(),
                        "recoveredAlreadyPrinted", second.recoveredAlreadyPrinted(),
                        "killedJobWorstSchedulingDelayMillis", killedJobWorstDelay,
                        "restartedJobWorstSchedulingDelayMillis", second.worstSchedulingDelayMillis(),
                        "restartToFirstBatchMillis",
                        (second.firstBatchNanos() - killedAt) / 1_000_000, "relayLost", fin.get("lost"),
                        "uncaught", relay.uncaught().size()));
                long sent = published.cardinality();
                return new FaultReport("kafka: stream job killed, restarted with --checkpoint, storing", sent,
                        sent - lost, lost, duplicated, mangled, fin.get("dropped"),
                        Duration.ofNanos(recoveredAt - killedAt), -1, relay.peakRssBytes(), facts);
            }
        }
    }

    /**
     * The broker is stopped mid-stream (a clean shutdown), stays down for {@code down}, and starts again on the same
     * port and data. The relay keeps publishing: its producer holds what the broker cannot take in its bounded
     * buffer and retries, idempotently; the stream (in this JVM) waits for the broker and reads on. Recovery is from
     * the broker's return to the first record published while it was down reaching the sink.
     */
    FaultReport brokerRestart(double rate, Duration before, Duration down, Duration after)
            throws IOException, InterruptedException {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(TOPIC, PARTITIONS);
             RelayProcess relay = RelayProcess.start(dir, "kafka-relay-broker-restart", relayArgs(kafka, 0, rate));
             CountingStream stream = CountingStream.start(UNUSED_PORT, Faults.BATCH,
                     streamOptions(kafka, "broker-restart").toArray(String[]::new))) {
            Ledger ledger = stream.ledger;
            await(ledger, l -> l.distinct() >= atLeastOne(rate, before), "the stream to flow before the broker stops");
            kafka.stopKeepingData();
            long attemptingAtStop = relay.progress().attempting();
            ledger.watchFrom(attemptingAtStop + 1);
            Thread.sleep(down.toMillis());  // the outage itself: what the producer must hold
            long attemptingAtRestart = relay.progress().attempting();
            kafka.startAgain();
            long backAt = System.nanoTime();
            await(ledger, l -> l.receivedIn(attemptingAtRestart + 1, Integer.MAX_VALUE) >= atLeastOne(rate, after),
                    "the stream to resume after the broker's return (relay " + relay.stats() + ")");
            long recoveredAt = ledger.watchedArrivalNanos();
            Map<String, Long> fin = relay.stop(GUARD);
            BitSet published = relay.outcomes().accepted();
            long last = published.length() - 1;
            await(ledger, l -> l.has(last), "the relay's last record");
            long sent = published.cardinality();
            long lost = ledger.missing(published, 0);
            long whileDown = published.get((int) attemptingAtStop + 1, (int) attemptingAtRestart + 1).cardinality();
            Map<String, Long> facts = FaultReport.facts("publishedWhileDown", whileDown, "lostPublishedWhileDown",
                    ledger.missing(published.get((int) attemptingAtStop + 1, (int) attemptingAtRestart + 1),
                            attemptingAtStop + 1), "downMillis", down.toMillis(), "relayLost", fin.get("lost"),
                    "invented", ledger.receivedOutside(published, 0), "uncaught", relay.uncaught().size());
            return new FaultReport("kafka: broker restarted", sent, sent - lost, lost, ledger.duplicates(),
                    ledger.mangled() + facts.get("invented"), fin.get("dropped"),
                    Duration.ofNanos(recoveredAt - backAt), -1, relay.peakRssBytes(), facts);
        }
    }

    /**
     * The relay process is killed (SIGKILL) mid-stream and started again, its source going on where the dead one
     * stopped. What its producer had taken and the broker had acknowledged is in the topic; what it held (lingering
     * in its buffer, or in flight) dies with it. Fact {@code unacknowledgedAtKill} bounds that: what the producer had
     * taken less what the broker had acknowledged, as sampled within a millisecond of the kill. The stream (in this
     * JVM) is not touched.
     */
    FaultReport relayKill(double rate, Duration before, Duration after) throws IOException, InterruptedException {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(TOPIC, PARTITIONS);
             CountingStream stream = CountingStream.start(UNUSED_PORT, Faults.BATCH,
                     streamOptions(kafka, "relay-kill").toArray(String[]::new))) {
            Ledger ledger = stream.ledger;
            long killedAt;
            RelayProcess.Progress atKill;
            long killedRelayRss;
            try (RelayProcess first = RelayProcess.start(dir, "kafka-relay-killed", relayArgs(kafka, 0, rate))) {
                await(ledger, l -> l.distinct() >= atLeastOne(rate, before), "the stream to flow before the kill");
                killedAt = System.nanoTime();
                first.kill();
                atKill = first.progress();
                killedRelayRss = first.peakRssBytes();
            }
            if (atKill.dropped() > 0) {
                throw new AssertionError("precondition: the killed relay dropped nothing, so that what it published "
                        + "is its first " + atKill.accepted() + " numbers; it dropped " + atKill.dropped());
            }
            long from = atKill.attempting() + 1;
            ledger.watchFrom(from);
            try (RelayProcess second = RelayProcess.start(dir, "kafka-relay-restarted", relayArgs(kafka, from, rate))) {
                await(ledger, l -> l.receivedIn(from, Integer.MAX_VALUE) >= atLeastOne(rate, after),
                        "the stream to resume after the relay's restart");
                long recoveredAt = ledger.watchedArrivalNanos();
                Map<String, Long> fin = second.stop(GUARD);
                BitSet afterRestart = second.outcomes().accepted();
                long last = from + afterRestart.length() - 1;
                await(ledger, l -> l.has(last), "the restarted relay's last record");

                BitSet beforeKill = new BitSet();
                beforeKill.set(0, (int) atKill.accepted());
                long lostAtKill = ledger.missing(beforeKill, 0);
                long lostAfterRestart = ledger.missing(afterRestart, from);
                BitSet published = (BitSet) beforeKill.clone();
                afterRestart.stream().forEach(i -> published.set((int) (from + i)));
                BitSet mayArrive = (BitSet) published.clone();
                mayArrive.set((int) atKill.attempting());  // taken or not: the kill came while it was published
                long sent = published.cardinality();
                Map<String, Long> facts = FaultReport.facts("publishedBeforeKill", atKill.accepted(),
                        "lostAtKill", lostAtKill, "unacknowledgedAtKill", atKill.accepted() - atKill.acknowledged(),
                        "lostAfterRestart", lostAfterRestart, "killedRelayPeakRss", killedRelayRss,
                        "invented", ledger.receivedOutside(mayArrive, 0), "uncaught", second.uncaught().size());
                return new FaultReport("kafka: relay killed, restarted", sent, sent - lostAtKill - lostAfterRestart,
                        lostAtKill + lostAfterRestart, ledger.duplicates(), ledger.mangled() + facts.get("invented"),
                        fin.get("dropped"), Duration.ofNanos(recoveredAt - killedAt), -1, second.peakRssBytes(),
                        facts);
            }
        }
    }
}
