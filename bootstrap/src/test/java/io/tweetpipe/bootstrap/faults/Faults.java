package io.tweetpipe.bootstrap.faults;

import io.tweetpipe.bootstrap.faults.Pipelines.CountingStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The faults, each a run of the real relay (a {@link SequencedRelayMain} process) and the real stream job (the
 * stream graph on Spark local[2], in this JVM) or of the whole product (a {@code tweetpipe} process), counted from
 * sequence numbers. The CI suite runs them briefly and asserts on their reports; the soak runs them longer and
 * prints the reports as a table.
 *
 * <p>Every wait is on a condition, under a guard that only stops a hang; nothing here measures speed to decide.
 */
final class Faults {

    /** Generous: a shared two-core machine under load is slow, never wrong. */
    static final Duration GUARD = Duration.ofSeconds(120);
    static final Duration BATCH = Duration.ofMillis(500);
    /** What the relay asks the kernel for per reader (SocketRelay.SEND_BUFFER_BYTES); Linux books it twice. */
    static final long RELAY_SEND_BUFFER_BYTES = 2 * 256 * 1024;
    /** The most the relay's writer takes from a reader's outbox for one write (ClientConnection.CHUNK_BYTES). */
    static final long WRITER_CHUNK_BYTES = 64 * 1024;

    private final Path dir;

    Faults(Path dir) {
        this.dir = dir;
    }

    private static long atLeastOne(double rate, Duration span) {
        return Math.max(1, (long) (rate * span.toMillis() / 1000.0));
    }

    private static Map<String, Object> relayArgs(int port, double rate, Object... more) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("port", port);
        args.put("rate", rate);
        args.put("closeGraceMillis", GUARD.toMillis());
        for (int i = 0; i < more.length; i += 2) {
            args.put((String) more[i], more[i + 1]);
        }
        return args;
    }

    private static void await(Ledger ledger, java.util.function.Predicate<Ledger> condition, String what)
            throws InterruptedException {
        await(ledger, condition, what, () -> "");
    }

    private static void await(Ledger ledger, java.util.function.Predicate<Ledger> condition, String what,
                              java.util.function.Supplier<String> context) throws InterruptedException {
        if (!ledger.await(condition, GUARD)) {
            throw new AssertionError("gave up waiting for " + what + " after " + GUARD + ": " + ledger + "\n"
                    + context.get());
        }
    }

    /**
     * The relay process is killed (SIGKILL) mid-stream and started again on the same port, its source going on
     * where the dead one stopped. The stream job keeps running; its receiver reconnects (every 2 s) and gets what
     * the new relay kept in its backlog meanwhile.
     *
     * <p>A kill loses what the relay held in memory for its reader and nothing else: the reader's outbox (capped at
     * {@code clientBufferBytes}) and the chunk its writer had taken (64 KiB). What the kernel had already accepted
     * is still delivered: the kernel closes a dead process's sockets in order. Fact {@code killBound} is that bound
     * in frames, plus the frame being published.
     */
    FaultReport relayKill(double rate, Duration before, Duration after, int clientBufferBytes)
            throws IOException, InterruptedException {
        int port = Pipelines.freePort();
        try (CountingStream stream = CountingStream.start(port, BATCH)) {
            Ledger ledger = stream.ledger;
            Map<String, Object> common = relayArgs(port, rate, "clientBufferBytes", clientBufferBytes,
                    "maxFrameBytes", Math.min(clientBufferBytes, 1 << 20));
            long counted;
            long attempting;
            long lostAtKill;
            long peakRss;
            long peakBuffered;
            long killedAt;
            long secondFrom;
            long drops;
            try (RelayProcess first = RelayProcess.start(dir, "relay-before-kill", with(common, "from", 0,
                    "awaitClients", 1))) {
                first.port(GUARD);
                long target = atLeastOne(rate, before);
                await(ledger, l -> l.distinct() >= target, "the stream to flow before the kill");
                peakBuffered = first.stats().getOrDefault("peakBuffered", 0L);
                killedAt = System.nanoTime();
                first.kill();
                peakRss = first.peakRssBytes();
                RelayProcess.Progress progress = first.progress();
                drops = progress.dropped();
                if (drops > 0) {
                    throw new AssertionError("precondition: the reader kept up before the kill, yet the relay "
                            + "dropped " + drops + " frames; lower the rate");
                }
                // The frame being published at the kill may have been accepted before its count was written.
                counted = progress.accepted();
                attempting = progress.attempting();
                secondFrom = attempting + 1;
            }
            ledger.watchFrom(secondFrom);
            // The receiver sees the connection end, drains what the kernel delivered, and retries every 2 s.
            try (RelayProcess second = RelayProcess.start(dir, "relay-after-kill", with(common, "from",
                    secondFrom))) {
                second.port(GUARD);
                long target = atLeastOne(rate, after);
                await(ledger, l -> l.receivedIn(secondFrom, Integer.MAX_VALUE) >= target,
                        "the stream to resume after the restart", () -> "relay " + second.stats() + "\n"
                                + second.stderrTail());
                long recoveredAt = ledger.watchedArrivalNanos();
                Map<String, Long> fin = second.stop(GUARD);
                RelayProcess.Outcomes outcomes = second.outcomes();
                long lastAccepted = secondFrom + outcomes.accepted().length() - 1;
                await(ledger, l -> l.has(lastAccepted), "the restarted relay's last frame");
                // The frame being published at the kill may have been accepted before its count was written.
                long firstEnd = attempting == counted && ledger.has(counted) ? counted + 1 : counted;
                long firstReceived = ledger.receivedIn(0, firstEnd);
                lostAtKill = firstEnd - firstReceived;
                long lostAfter = ledger.missing(outcomes.accepted(), secondFrom);
                long sent = firstEnd + outcomes.accepted().cardinality();
                long received = firstReceived + outcomes.accepted().cardinality() - lostAfter;
                long frameBytes = SequencedTweets.frameBytes();
                long bound = (clientBufferBytes + WRITER_CHUNK_BYTES + frameBytes - 1) / frameBytes + 1;
                // Numbers never accepted (the gap between the two relays, or beyond the last) must not arrive.
                BitSet owed = new BitSet();
                owed.set(0, (int) firstEnd);
                for (int i = outcomes.accepted().nextSetBit(0); i >= 0; i = outcomes.accepted().nextSetBit(i + 1)) {
                    owed.set((int) (secondFrom + i));
                }
                long invented = ledger.receivedOutside(owed, 0);
                return new FaultReport("relay killed, restarted", sent, received, sent - received,
                        ledger.duplicates(), ledger.mangled() + invented, drops + fin.get("dropped"),
                        Duration.ofNanos(recoveredAt - killedAt),
                        Math.max(peakBuffered, fin.get("peakBuffered")), Math.max(peakRss, second.peakRssBytes()),
                        FaultReport.facts("lostAtKill", lostAtKill, "killBound", bound, "lostAfterRestart", lostAfter,
                                "backloggedAfterRestart", fin.get("backlogged"), "invented", invented,
                                "acceptedBeforeKill", firstEnd, "uncaught", second.uncaught().size()));
            }
        }
    }

    /**
     * The stream job's connection is cut at the relay's end (a reset, through {@link CuttableProxy}) while tweets
     * flow; the receiver reconnects through the proxy 2 s later. The relay keeps publishing meanwhile, into its
     * backlog, and puts back what it had not yet written to the lost reader.
     *
     * <p>What a cut can lose is what was in flight between the relay's writer and the proxy: the frames the writer
     * held when its write failed (counted by the relay, {@code lostOnDisconnect}) and the bytes in the kernel's and
     * the proxy's buffers on the way ({@code 2 x 256 KiB} send buffer, the proxy's receive buffer and chunk), plus
     * the frame cut in two. Fact {@code cutBound} is that bound in frames.
     */
    FaultReport receiverDrop(double rate, Duration before, Duration after) throws IOException, InterruptedException {
        int relayPort = Pipelines.freePort();
        try (CuttableProxy proxy = new CuttableProxy(relayPort);
             CountingStream stream = CountingStream.start(proxy.port(), BATCH);
             RelayProcess relay = RelayProcess.start(dir, "relay-with-a-cut", relayArgs(relayPort, rate,
                     "from", 0, "awaitClients", 1))) {
            Ledger ledger = stream.ledger;
            relay.port(GUARD);
            long target = atLeastOne(rate, before);
            await(ledger, l -> l.distinct() >= target, "the stream to flow before the cut");
            long cutAt = System.nanoTime();
            proxy.cut();
            // Published after the cut: these can only come through the next connection.
            long attemptingAtCut = relay.progress().attempting();
            ledger.watchFrom(attemptingAtCut + 1);
            long resumed = atLeastOne(rate, after);
            await(ledger, l -> l.receivedIn(attemptingAtCut + 1, Integer.MAX_VALUE) >= resumed,
                    "the stream to resume after the cut", () -> "numbered from " + (attemptingAtCut + 1) + "; proxy "
                            + "connections " + proxy.connections() + "; relay " + relay.stats() + "\n"
                            + relay.stderrTail());
            long recoveredAt = ledger.watchedArrivalNanos();
            Map<String, Long> fin = relay.stop(GUARD);
            RelayProcess.Outcomes outcomes = relay.outcomes();
            long lastAccepted = outcomes.accepted().length() - 1;
            await(ledger, l -> l.has(lastAccepted), "the relay's last frame");
            long sent = outcomes.accepted().cardinality();
            long lost = ledger.missing(outcomes.accepted(), 0);
            long frameBytes = SequencedTweets.frameBytes();
            long bound = fin.get("lostOnDisconnect")
                    + (RELAY_SEND_BUFFER_BYTES + proxy.bufferBytes() + frameBytes - 1) / frameBytes + 1;
            long invented = ledger.receivedOutside(outcomes.accepted(), 0);
            return new FaultReport("reader's connection cut", sent, sent - lost, lost, ledger.duplicates(),
                    ledger.mangled() + invented, fin.get("dropped"), Duration.ofNanos(recoveredAt - cutAt),
                    fin.get("peakBuffered"), relay.peakRssBytes(),
                    FaultReport.facts("cutBound", bound, "lostBackloggedWhileAway",
                            ledger.missing(outcomes.backlogged(), 0), "backloggedWhileAway",
                            outcomes.backlogged().cardinality(), "salvaged", fin.get("salvaged"),
                            "lostOnDisconnect", fin.get("lostOnDisconnect"), "reconnections", proxy.connections() - 1,
                            "invented", invented, "uncaught", relay.uncaught().size()));
        }
    }

    /**
     * A second reader connects and never reads while tweets keep coming at a rate the stream job keeps up with. The
     * relay must not block its source on it, must cap what it keeps for it, count what it misses, and hang up on it
     * after the stall timeout; the stream job must get everything.
     */
    FaultReport stalledReader(double rate, Duration length, int clientBufferBytes, Duration stallTimeout)
            throws IOException, InterruptedException {
        int port = Pipelines.freePort();
        try (CountingStream stream = CountingStream.start(port, BATCH);
             RelayProcess relay = RelayProcess.start(dir, "relay-with-a-stalled-reader", relayArgs(port, rate,
                     "from", 0, "awaitClients", 2, "seconds", length.toSeconds(),
                     "clientBufferBytes", clientBufferBytes, "maxFrameBytes", Math.min(clientBufferBytes, 1 << 20),
                     "stallMillis", stallTimeout.toMillis()))) {
            Ledger ledger = stream.ledger;
            relay.port(GUARD);
            relay.awaitStats(s -> s.get("clients") >= 1, GUARD, "the stream job to connect");
            try (Socket stalled = new Socket()) {
                stalled.setReceiveBufferSize(4096);
                stalled.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.port(GUARD)));
                relay.awaitPublished(length.plus(GUARD));
                relay.awaitStats(s -> s.get("clientsStalled") >= 1, GUARD.plus(stallTimeout),
                        "the relay to hang up on the stalled reader");
            }
            Map<String, Long> fin = relay.stop(GUARD);
            RelayProcess.Outcomes outcomes = relay.outcomes();
            long lastAccepted = outcomes.accepted().length() - 1;
            await(ledger, l -> l.has(lastAccepted), "the relay's last frame");
            long sent = outcomes.accepted().cardinality();
            long lost = ledger.missing(outcomes.accepted(), 0);
            long invented = ledger.receivedOutside(outcomes.accepted(), 0);
            return new FaultReport("reader stalled", sent, sent - lost, lost, ledger.duplicates(),
                    ledger.mangled() + invented, fin.get("dropped"), null, fin.get("peakBuffered"),
                    relay.peakRssBytes(),
                    FaultReport.facts("stalledMisses", fin.get("clientMisses"), "clientsStalled",
                            fin.get("clientsStalled"), "droppedEveryClientFull", fin.get("droppedEveryClientFull"),
                            "maxPublishNanos", fin.get("maxPublishNanos"), "published", fin.get("published"),
                            "clientBufferBytes", clientBufferBytes, "invented", invented,
                            "uncaught", relay.uncaught().size()));
        }
    }

    /**
     * The relay's source publishes as fast as it can for {@code length}. The stream job, with the given options
     * ({@code --backpressure}, {@code --max-rate N}), reads what it can process; the rest waits in the socket, and the
     * relay sheds what its reader's outbox cannot hold, by dropping new frames and counting them. Every frame is
     * then either received once or counted as dropped: {@code published = received + counted drops}.
     */
    FaultReport flood(Duration length, String... streamOptions) throws IOException, InterruptedException {
        int port = Pipelines.freePort();
        try (CountingStream stream = CountingStream.start(port, BATCH, streamOptions);
             RelayProcess relay = RelayProcess.start(dir, "relay-flooded", relayArgs(port, 0,
                     "from", 0, "awaitClients", 1, "seconds", length.toSeconds()))) {
            return flood(stream, relay, length, "flood, " + caps(streamOptions) + ", every record");
        }
    }

    /**
     * The same flood against a stream job asking what the product's console asks (each batch's count and ten
     * records): what the product's job does under a flood. Records are counted, not each checked: {@code lost} is
     * what the relay sent that was not counted, and duplicates show only among the records shown.
     */
    FaultReport floodAsTheProduct(Duration length, String... streamOptions) throws IOException, InterruptedException {
        int port = Pipelines.freePort();
        try (CountingStream stream = CountingStream.sampled(port, BATCH, streamOptions);
             RelayProcess relay = RelayProcess.start(dir, "relay-flooded-product", relayArgs(port, 0,
                     "from", 0, "awaitClients", 1, "seconds", length.toSeconds()))) {
            return flood(stream, relay, length, "flood, " + caps(streamOptions) + ", counted");
        }
    }

    private static String caps(String... streamOptions) {
        return streamOptions.length == 0 ? "no rate cap" : String.join(" ", streamOptions);
    }

    private FaultReport flood(CountingStream stream, RelayProcess relay, Duration length, String name)
            throws IOException, InterruptedException {
        Ledger ledger = stream.ledger;
        relay.port(GUARD);
        long started = System.nanoTime();
        Map<String, Long> published = relay.awaitPublished(length.plus(GUARD));
        long publishedAt = System.nanoTime();
        Map<String, Long> fin = relay.stop(GUARD);
        RelayProcess.Outcomes outcomes = relay.outcomes();
        long sent = outcomes.accepted().cardinality();
        boolean everyRecord = name.endsWith("every record");
        if (everyRecord) {
            long lastAccepted = outcomes.accepted().length() - 1;
            await(ledger, l -> l.has(lastAccepted), "the relay's last frame");
        } else {
            await(ledger, l -> l.records() + l.unseen() >= sent, "as many records as the relay sent");
        }
        long drainedAt = System.nanoTime();
        long received = everyRecord ? sent - ledger.missing(outcomes.accepted(), 0)
                : ledger.records() + ledger.unseen();
        long lost = sent - received;
        long invented = everyRecord ? ledger.receivedOutside(outcomes.accepted(), 0) : 0;
        double seconds = (publishedAt - started) / 1e9;
        return new FaultReport(name, sent, received, lost, ledger.duplicates(),
                ledger.mangled() + invented, fin.get("dropped"), null, fin.get("peakBuffered"),
                relay.peakRssBytes(),
                FaultReport.facts("attempted", outcomes.attempted(), "published", fin.get("published"),
                        "relaySent", fin.get("sent"), "relayDropped", fin.get("dropped"),
                        "publisherDropped", fin.get("publisherDropped"),
                        "lostOnDisconnect", fin.get("lostOnDisconnect"), "invented", invented,
                        "publishedPerSecond", (long) (published.get("attempted") / seconds),
                        "receivedPerSecond", (long) (received / ((drainedAt - started) / 1e9)),
                        "drainMillis", (drainedAt - publishedAt) / 1_000_000,
                        "everyRecordChecked", everyRecord ? 1 : 0, "uncaught", relay.uncaught().size()));
    }

    private static final Pattern BATCH_HEADER = Pattern.compile("Time: (\\d+) ms");
    private static final Pattern FIGURES = Pattern.compile("batch (\\d+) ms: (\\d+) records.*");
    /** The relay's closing count, which the product prints on standard error as the relay closes. */
    static final Pattern RELAYED = Pattern.compile(".*relay stopped: relayed (\\d+),.*");

    /**
     * The product ({@code tweetpipe demo}, both programs in one process) replays sequenced tweets and gets SIGTERM
     * mid-stream. What the relay accepted must be printed before the process exits: the relay stops its source,
     * flushes to the receiver, and the stream job stops gracefully.
     *
     * <p>The console prints ten records a batch and a figures line per batch ({@code N records}); the last batch's
     * figures may be missing (Spark drops the last listener events on a stop), so the rate is kept low enough that
     * the last batches are printed whole. Fact {@code countable} is 1 when every batch could be counted.
     */
    FaultReport sigterm(double rate, Duration before, Duration batchInterval) throws IOException, InterruptedException {
        long lines = atLeastOne(rate, before.plus(GUARD));
        Path replay = dir.resolve("sequenced.jsonl");
        try (var out = Files.newBufferedWriter(replay, StandardCharsets.UTF_8)) {
            for (long seq = 0; seq < lines; seq++) {
                out.write(SequencedTweets.statusJson(seq));
                out.write('\n');
            }
        }
        int port = Pipelines.freePort();
        // The tutorial's wire and output, which the witness and the ledger read: no analyses, no page (its
        // fixed port may be taken by another run on the machine).
        try (ProductProcess product = ProductProcess.start(List.of("demo", "--replay-file", replay.toString(),
                "--rate", Double.toString(rate), "--once", "--port", Integer.toString(port), "--batch-interval",
                batchInterval.toMillis() + "ms", "--wire", "text", "--trends", "none", "--no-dashboard"), Map.of(),
                List.of())) {
            // A witness on the relay once the stream job reads it (it has printed a record): what the relay accepted
            // from then on reaches the witness too; everything before went to the stream job alone.
            if (!product.awaitOutput(out -> out.stream().anyMatch(line -> SequencedTweets.seqOf(line) >= 0), GUARD)) {
                throw new AssertionError("the product printed no record\n" + product.describe());
            }
            FrameObserver witness = FrameObserver.connect(port);
            long deadline = System.nanoTime() + GUARD.toNanos();
            while (witness.first() < 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long target = Math.max(0, witness.first()) + atLeastOne(rate, before);
            if (!product.awaitOutput(out -> out.stream().anyMatch(line -> SequencedTweets.seqOf(line) >= target),
                    GUARD)) {
                throw new AssertionError("the product printed no record numbered " + target + "\n"
                        + product.describe());
            }
            long productRss = Jvm.peakRssBytes(product.pid());
            long termAt = System.nanoTime();
            product.terminate();
            int exit = product.awaitExit(GUARD);
            long exitedAt = System.nanoTime();
            witness.awaitEnd(GUARD);
            Printed printed = Printed.parse(product.stdout());
            BitSet accepted = witness.seen();
            long witnessFirst = witness.first();
            if (witnessFirst > 0) {
                accepted.set(0, (int) witnessFirst);
            }
            long relayed = -1;
            for (String line : product.stderr()) {
                Matcher m = RELAYED.matcher(line);
                if (m.matches()) {
                    relayed = Long.parseLong(m.group(1));
                }
            }
            long sent = accepted.cardinality();
            // Batches since the last one too big to print whole: each number must be there.
            long missingSinceWitness = 0;
            for (int seq = accepted.nextSetBit((int) Math.max(printed.wholeFrom, witnessFirst)); seq >= 0;
                 seq = accepted.nextSetBit(seq + 1)) {
                if (!printed.seqs.get(seq)) {
                    missingSinceWitness++;
                }
            }
            return new FaultReport("SIGTERM to the demo", sent, printed.received, sent - printed.received,
                    printed.duplicated,
                    printed.mangled, 0, null, -1, productRss,
                    FaultReport.facts("exitCode", exit, "countable", printed.countable ? 1 : 0,
                            "missingSinceWitness", missingSinceWitness, "relayedLogged",
                            relayed, "witnessFirst", witnessFirst, "witnessStrange", witness.strange(),
                            "highestPrinted", printed.highest, "batches", printed.batches,
                            "batchesWithoutFigures", printed.withoutFigures, "outOfOrder", printed.outOfOrder,
                            "stopMillis", (exitedAt - termAt) / 1_000_000));
        }
    }

    /** What the console printed, counted: batches, their figures, the records shown. */
    record Printed(long received, long highest, long duplicated, long mangled, long outOfOrder, boolean countable,
                   long batches, long withoutFigures, BitSet seqs, long wholeFrom) {

        static Printed parse(List<String> lines) {
            Map<Long, Long> figures = new LinkedHashMap<>();
            for (String line : lines) {
                Matcher m = FIGURES.matcher(line);
                if (m.matches()) {
                    figures.put(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
                }
            }
            long received = 0;
            long highest = -1;
            long duplicated = 0;
            long mangled = 0;
            long outOfOrder = 0;
            long batches = 0;
            long withoutFigures = 0;
            boolean countable = true;
            BitSet seen = new BitSet();
            long wholeFrom = 0;  // the first number of the first batch after the last one printed in part
            boolean afterPartial = false;
            Long batch = null;
            long shown = 0;
            boolean more = false;
            List<String> body = new ArrayList<>(lines);
            body.add("Time: 0 ms");  // closes the last batch
            for (int i = 0; i < body.size(); i++) {
                String line = body.get(i);
                Matcher header = BATCH_HEADER.matcher(line);
                if (header.matches()) {
                    if (batch != null) {
                        batches++;
                        Long count = figures.get(batch);
                        if (count != null) {
                            received += count;
                        } else {
                            withoutFigures++;
                            received += shown;
                            countable &= !more;
                        }
                        afterPartial = more || (afterPartial && shown == 0);
                    }
                    batch = Long.parseLong(header.group(1));
                    shown = 0;
                    more = false;
                    i++;  // the rule under the header
                    continue;
                }
                if (batch == null || line.isEmpty() || line.startsWith("---") || FIGURES.matcher(line).matches()) {
                    continue;
                }
                if (line.equals("...")) {
                    more = true;
                    continue;
                }
                long seq = SequencedTweets.seqOf(line);
                if (seq < 0) {
                    mangled++;
                    continue;
                }
                if (shown == 0 && afterPartial) {
                    wholeFrom = seq;
                    afterPartial = false;
                }
                shown++;
                if (seen.get((int) seq)) {
                    duplicated++;
                } else if (seq < highest) {
                    outOfOrder++;
                }
                seen.set((int) seq);
                highest = Math.max(highest, seq);
            }
            return new Printed(received, highest, duplicated, mangled, outOfOrder, countable, batches,
                    withoutFigures, seen, wholeFrom);
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> args = new LinkedHashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            args.put((String) more[i], more[i + 1]);
        }
        return args;
    }
}
