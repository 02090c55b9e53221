package io.tweetpipe.domain.bench;

import io.tweetpipe.domain.framing.Frame;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Tweet-like bodies for the benchmarks, seeded: 60 to 240 characters, some capitals, accents and emoji. */
final class Tweets {

    private static final String[] WORDS = {"covid", "vaccine", "Booster", "hospital", "STAFF", "deserve", "a",
        "raise", "just", "got", "my", "shot", "feeling", "fine", "today", "#covid", "@who", "https://t.co/xyz", "🇧🇷",
        "café", "naïve", "the", "dashboard", "shipped", "finally", "queue", "was", "long", "but", "worth", "it"};

    private Tweets() {
    }

    static String[] bodies(int count) {
        Random random = new Random(42);
        String[] bodies = new String[count];
        for (int i = 0; i < count; i++) {
            int length = 60 + random.nextInt(180);
            StringBuilder body = new StringBuilder();
            while (body.length() < length) {
                body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            if (i % 50 == 0) {
                body.append("line\nbreak and a literal __end");  // now and then, what the framing must escape
            }
            bodies[i] = body.toString();
        }
        return bodies;
    }

    static Frame[] frames(String[] bodies) {
        Frame[] frames = new Frame[bodies.length];
        for (int i = 0; i < bodies.length; i++) {
            frames[i] = Frame.of(bodies[i]).get();
        }
        return frames;
    }

    /** The bodies framed as the relay sends them, end to end. */
    static String wire(String[] bodies) {
        StringBuilder wire = new StringBuilder();
        for (String body : bodies) {
            wire.append(Frame.of(body).get().text());
        }
        return wire.toString();
    }

    static byte[] wireBytes(String[] bodies) {
        return wire(bodies).getBytes(StandardCharsets.UTF_8);
    }
}
