package io.tweetpipe.bootstrap.faults;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one fault run came to, counted from sequence numbers: a row of the soak's table, and the facts a test asserts.
 *
 * @param sent frames the relay accepted ({@code SENT} or {@code BACKLOGGED}): what the pipeline owes the sink
 * @param received distinct numbers of those that reached the sink
 * @param lost {@code sent - received}
 * @param duplicated records that reached the sink more than once
 * @param mangled records that are not exactly a tweet that was sent: changed, split, merged or invented
 * @param countedDrops frames the relay refused and counted ({@code DROPPED}: a full buffer, over the cap), never sent
 * @param recovery from the fault to the first record published after it reaching the sink; null if not a recovery
 * @param peakBufferedBytes the most bytes the relay held for readers at once (backlog and outboxes, RelayStats); -1
 *     if not measured (a Kafka producer's buffer)
 * @param peakRelayRssBytes the relay process's peak resident memory (VmHWM); for the demo, relay and Spark in one
 *     process, that process's; -1 if not measured
 * @param facts the numbers particular to this fault, by name
 */
record FaultReport(String fault, long sent, long received, long lost, long duplicated, long mangled,
                   long countedDrops, Duration recovery, long peakBufferedBytes, long peakRelayRssBytes,
                   Map<String, Long> facts) {

    FaultReport {
        facts = Map.copyOf(facts);
    }

    long fact(String name) {
        Long value = facts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no fact " + name + " in " + facts);
        }
        return value;
    }

    static Map<String, Long> facts(Object... nameValue) {
        Map<String, Long> facts = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            facts.put((String) nameValue[i], ((Number) nameValue[i + 1]).longValue());
        }
        return facts;
    }

    @Override
    public String toString() {
        return fault + ": sent " + sent + ", received " + received + ", lost " + lost + ", duplicated " + duplicated
                + ", mangled " + mangled + ", counted drops " + countedDrops + ", recovery "
                + (recovery == null ? "-" : recovery.toMillis() + " ms") + ", peak buffered "
                + (peakBufferedBytes < 0 ? "-" : peakBufferedBytes + " B") + ", peak relay RSS " + peakRelayRssBytes
                + " B; " + new java.util.TreeMap<>(facts);
    }

    static String table(List<FaultReport> reports) {
        int width = Math.max(5, reports.stream().mapToInt(r -> r.fault.length()).max().orElse(0));
        String format = "%-" + width + "s %11s %11s %7s %5s %8s %13s %9s %13s %10s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, format, "fault", "sent", "received", "lost", "dup", "mangled",
                "counted drops", "recovery", "peak buffered", "peak RSS"));
        for (FaultReport r : reports) {
            out.append(String.format(Locale.ROOT, format, r.fault, r.sent, r.received, r.lost, r.duplicated,
                    r.mangled, r.countedDrops,
                    r.recovery == null ? "-" : String.format(Locale.ROOT, "%.1f s", r.recovery.toMillis() / 1000.0),
                    mebibytes(r.peakBufferedBytes), mebibytes(r.peakRelayRssBytes)));
        }
        return out.toString();
    }

    private static String mebibytes(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
