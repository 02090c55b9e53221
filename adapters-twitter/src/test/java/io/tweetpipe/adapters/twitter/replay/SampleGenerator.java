package io.tweetpipe.adapters.twitter.replay;

import io.tweetpipe.adapters.twitter.v1.V1JsonLines;
import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the bundled sample: made-up tweets in Twitter's v1.1 shape from a seeded {@link Random}, so the same file comes
 * out every time and no real person's post is in it. Authors, handles and links are invented; the texts are stitched
 * from short phrases per language.
 *
 * <p>Regenerate by running {@link #main} from the module's directory with the test classpath (an IDE does it; from a
 * shell, {@code mvn dependency:build-classpath -Dmdep.includeScope=test} gives the classpath);
 * {@code BundledSampleTest} fails if the bundled file and this generator disagree.
 */
public final class SampleGenerator {

    public static final Path BUNDLED = Path.of(
            "src/main/resources/io/tweetpipe/adapters/twitter/replay/" + ReplayTweetSource.BUNDLED_SAMPLE);
    public static final int STATUSES = 3000;
    public static final int DELETIONS = 10;
    public static final int LIMITS = 5;
    public static final int MALFORMED = 2;
    public static final int STALL_WARNINGS = 1;
    public static final int UNKNOWN = 1;

    private static final long SEED = 20261124L;
    private static final long FIRST_ID = 1_993_000_000_000_000_000L;
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final int CLASSIC_LIMIT = 140;
    private static final int MAX_LENGTH = 280;
    private static final int TRUNCATED_LENGTH = 114;

    private static final String[] LANGUAGES = {"en", "es", "pt", "fr", "de", "ja", "it", "nl", "und"};
    private static final double[] LANGUAGE_WEIGHTS = {0.38, 0.20, 0.10, 0.08, 0.07, 0.07, 0.03, 0.03, 0.04};

    private static final String[] COVID = {"covid", "COVID", "Covid", "#covid", "#COVID", "covid's", "@covid"};
    private static final String[] NEAR_MISSES = {"covid19", "#covid19", "#nocovid", "postcovid", "covidtracker"};
    private static final String[] EMOJI = {"😷", "💉", "🦠", "🙏", "❤️", "👍", "🎉", "😂", "🤒", "🏥", "🇧🇷", "🇪🇸",
        "👩‍⚕️", "☕", "🌧️", "📈", "🧪"};
    private static final String[] TAGS = {"#health", "#news", "#salud", "#saúde", "#santé", "#Gesundheit", "#dataviz",
        "#vaccine", "#science", "#tbt", "#mondaymotivation", "#健康"};

    private static final String[][] PHRASES = {
        // en
        {"cases are falling again in our district", "the clinic on Elm street opens late tonight",
            "just got my booster and feel fine", "new figures out this morning", "stay home if you feel sick",
            "the school sent a letter about masks", "reading the weekly report over coffee",
            "long queue at the pharmacy & nobody minded", "our team shipped the dashboard <finally>",
            "grandma says hi to everyone", "the train was half empty today", "wash your hands, it still works",
            "hospital staff deserve a raise", "this thread explains the numbers well", "weekend plans: nothing at all"},
        // es
        {"bajan los casos en la ciudad", "nueva vacuna disponible en el centro de salud",
            "¿alguien sabe si abre la farmacia?", "hoy hace un día precioso", "los datos de esta semana son buenos",
            "mi abuela ya tiene la tercera dosis", "cuidaos mucho, de verdad", "el metro iba lleno otra vez",
            "gracias a todo el personal sanitario", "leyendo el informe con un café"},
        // pt
        {"os casos estão caindo na cidade", "tomei a vacina hoje e estou bem", "a fila no posto estava enorme",
            "bom dia para todos vocês", "os números desta semana saíram", "obrigado aos profissionais de saúde",
            "alguém sabe se a farmácia abre domingo?"},
        // fr
        {"les cas baissent dans la région", "la pharmacie ferme tôt ce soir", "j'ai reçu ma dose ce matin",
            "prenez soin de vous", "les chiffres de la semaine sont publiés", "le métro était presque vide",
            "merci au personnel soignant"},
        // de
        {"die Fallzahlen sinken wieder", "die Apotheke hat heute länger offen", "Impfung erledigt, alles gut",
            "passt auf euch auf", "die neuen Zahlen sind da", "der Zug war fast leer", "danke an das Pflegepersonal"},
        // ja
        {"今日は 新しい 数字 が 出ました", "ワクチン 接種 してきました", "みなさん 気をつけて",
            "病院 の 皆さん に 感謝", "電車 が 空いていた", "週末 は 家で ゆっくり"},
        // it
        {"i casi stanno calando", "ho fatto la terza dose oggi", "grazie al personale sanitario",
            "la farmacia chiude presto stasera"},
        // nl
        {"de cijfers dalen weer", "vandaag mijn prik gehaald", "bedankt aan alle zorgmedewerkers",
            "de trein was bijna leeg"},
        // und: no words a language could be told from
        {"", "", ""},
    };

    private final Random random = new Random(SEED);
    private final List<Author> authors = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private SampleGenerator() {
        for (int i = 0; i < 400; i++) {
            String first = word(2 + random.nextInt(2));
            String last = word(2 + random.nextInt(2));
            String handle = first.toLowerCase() + (random.nextBoolean() ? "_" : "") + last.toLowerCase()
                    + (random.nextInt(3) == 0 ? Integer.toString(random.nextInt(100)) : "");
            authors.add(new Author(100_000L + i * 7919L, handle.length() > 15 ? handle.substring(0, 15) : handle));
            names.add(first + " " + last);
        }
    }

    /** The sample, line by line: statuses with a few notices and two broken lines mixed in. */
    public static List<String> lines() {
        return new SampleGenerator().generate();
    }

    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : BUNDLED;
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, lines(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target.toAbsolutePath());
    }

    private List<String> generate() {
        List<String> lines = new ArrayList<>();
        List<Tweet> tweets = new ArrayList<>();
        long id = FIRST_ID;
        Instant at = START;
        for (int i = 0; i < STATUSES; i++) {
            id += 1 + random.nextInt(4_000_000);
            at = at.plusMillis(50 + random.nextInt(400));
            int who = random.nextInt(authors.size());
            Tweet tweet = tweet(id, at, authors.get(who));
            tweets.add(tweet);
            lines.add(V1JsonLines.status(tweet, names.get(who)));
        }
        // Notices go after the tweets they speak of, at positions fixed by the seed.
        for (int i = 0; i < DELETIONS; i++) {
            int victim = random.nextInt(STATUSES - 100);
            Tweet deleted = tweets.get(victim);
            insertAfter(lines, victim + 1 + random.nextInt(50),
                    V1JsonLines.deletion(deleted.id().value(), deleted.author().id(), deleted.createdAt()));
        }
        long withheld = 0;
        for (int i = 0; i < LIMITS; i++) {
            withheld += 1 + random.nextInt(40);
            int position = (i + 1) * lines.size() / (LIMITS + 1);
            insertAfter(lines, position, V1JsonLines.limit(withheld, START.plusSeconds(60L * (i + 1))));
        }
        insertAfter(lines, lines.size() / 3, V1JsonLines.stallWarning(60));
        insertAfter(lines, lines.size() / 2, "{\"status_withheld\":{\"id\":1993000000000000123,\"user_id\":100000,"
                + "\"withheld_in_countries\":[\"XX\"],\"timestamp_ms\":\"1795514400000\"}}");
        String cut = lines.get(lines.size() / 4);
        insertAfter(lines, lines.size() / 4, cut.substring(0, cut.length() / 2));
        insertAfter(lines, 3 * lines.size() / 4, "<html><body><h1>503 Service Unavailable</h1></body></html>");
        return lines;
    }

    private static void insertAfter(List<String> lines, int index, String line) {
        lines.add(Math.min(index, lines.size()), line);
    }

    private Tweet tweet(long id, Instant at, Author author) {
        int language = pick(LANGUAGE_WEIGHTS);
        boolean extended = random.nextDouble() < 0.34;
        String full = extended ? text(language, CLASSIC_LIMIT + 1, MAX_LENGTH) : text(language, 20, CLASSIC_LIMIT);
        Language lang = new Language(LANGUAGES[language]);
        // No entities here: V1JsonLines writes the ones it finds in each text, as Twitter computed them.
        if (!extended) {
            return new Tweet(new TweetId(id), full, Option.none(), lang, at, author, Entities.NONE);
        }
        String truncated = prefix(full, TRUNCATED_LENGTH) + "… " + tco();
        return new Tweet(new TweetId(id), truncated, Option.some(full), lang, at, author, Entities.NONE);
    }

    /** A text of {@code min} to {@code max} code points. */
    private String text(int language, int min, int max) {
        for (int attempt = 0; ; attempt++) {
            boolean covid = random.nextDouble() < 0.36;
            boolean nearMiss = random.nextDouble() < 0.12;
            int target = min + random.nextInt(Math.max(1, max - min));
            StringBuilder text = new StringBuilder();
            while (length(text) < target) {
                append(text, piece(language));
            }
            if (covid) {
                insertWord(text, COVID[random.nextInt(COVID.length)]);
            }
            if (nearMiss) {
                insertWord(text, NEAR_MISSES[random.nextInt(NEAR_MISSES.length)]);
            }
            String out = text.toString().strip();
            int length = length(out);
            if (length >= min && length <= max) {
                return out;
            }
            if (attempt > 50) {
                return prefix(out, max).strip();
            }
        }
    }

    private String piece(int language) {
        double roll = random.nextDouble();
        String[] phrases = PHRASES[language];
        if (roll < 0.55 && !phrases[0].isEmpty()) {
            return phrases[random.nextInt(phrases.length)];
        }
        if (roll < 0.70) {
            return EMOJI[random.nextInt(EMOJI.length)];
        }
        if (roll < 0.80) {
            return TAGS[random.nextInt(TAGS.length)];
        }
        if (roll < 0.88) {
            return "@" + authors.get(random.nextInt(authors.size())).screenName();
        }
        if (roll < 0.95) {
            return tco();
        }
        return random.nextBoolean() ? "\n" : "\n\n";
    }

    private static void append(StringBuilder text, String part) {
        if (part.startsWith("\n")) {
            text.append(part);
            return;
        }
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append(' ');
        }
        text.append(part);
    }

    private void insertWord(StringBuilder text, String word) {
        java.util.List<Integer> spaces = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                spaces.add(i);
            }
        }
        if (spaces.isEmpty()) {
            append(text, word);
        } else {
            text.insert((int) spaces.get(random.nextInt(spaces.size())), " " + word);
        }
    }

    private String tco() {
        StringBuilder link = new StringBuilder("https://t.co/");
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 10; i++) {
            link.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return link.toString();
    }

    private String word(int syllables) {
        String[] consonants = {"b", "d", "f", "k", "l", "m", "n", "r", "s", "t", "v", "z"};
        String[] vowels = {"a", "e", "i", "o", "u"};
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(consonants[random.nextInt(consonants.length)]).append(vowels[random.nextInt(vowels.length)]);
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private int pick(double[] weights) {
        double roll = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int length(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }

    /** The first {@code codePoints} code points, never splitting a surrogate pair. */
    private static String prefix(String text, int codePoints) {
        if (length(text) <= codePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }
}
