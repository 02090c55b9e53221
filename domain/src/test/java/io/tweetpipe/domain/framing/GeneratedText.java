package io.tweetpipe.domain.framing;

import java.util.Random;

/**
 * Text that tries hard to break framing: what real tweets hold, and what hostile ones do, a structured record's
 * separator among it.
 */
public final class GeneratedText {

    private static final String[] PIECES = {
        "covid", "COVID", "Vacuna", "été", "Ça", "ÇA", "naïve", "İstanbul", "straße", "ΣΊΣΥΦΟΣ", "日本語のツイート",
        "😷", "🏳️‍🌈", "👩🏽‍⚕️", "𝕏", "\uD83D\uDE00", "#covid", "@who", "https://t.co/abc", " ", "  ", "\t",
        "\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\u000B", "\u000C", "__end", "__END", "_", "__", "_end",
        "__en", "\\", "\\\\", "\\_", "\\__end", "___end", "____end__end", "end", "e", "\u0000", "\uFFFD", "x",
        "\u001E", "\u001E{\"body\":\"x\"}", "\u001F", "\u001C",
    };

    private final Random random;

    public GeneratedText(long seed) {
        this.random = new Random(seed);
    }

    public String next() {
        int shape = random.nextInt(20);
        if (shape == 0) {
            return "";
        }
        if (shape == 1) {
            return "covid ".repeat(1_000) + PIECES[random.nextInt(PIECES.length)] + "x".repeat(4_000);  // 10,000 chars
        }
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
