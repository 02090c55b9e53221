package io.tweetpipe.domain.analysis;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * The most common function words of English, Spanish, Portuguese, French and German, which would top every word
 * ranking, plus Twitter's own noise (rt, amp, via). A tweet in one of these languages loses its language's list; a
 * tweet in another language, or of unknown language (the text wire), loses all of them.
 */
public final class StopWords {

    private static final Set<String> TWITTER = HashSet.of("rt", "amp", "gt", "lt", "via", "https", "http");

    private static final Map<String, Set<String>> BY_LANGUAGE = HashMap.of(
            "en", words("a about after all also am an and any are as at be because been before being but by can "
                    + "could did do does doing don't for from get got had has have he her here him his how i i'm if in "
                    + "into is it it's its just me more most my no not now of on one only or other our out over so "
                    + "some than that that's the their them then there these they this those through to too up us "
                    + "very was we were what when where which while who why will with would you your"),
            "es", words("a al algo como con de del desde donde el ella ellos en entre era es esa ese eso esta está "
                    + "este esto fue ha hay la las le les lo los más me mi muy ni no nos o para pero por porque que "
                    + "qué se ser si sí sin sobre su sus también te tiene todo un una uno unos y ya yo"),
            "pt", words("a ao aos as até com como da das de do dos e ela ele eles em entre era essa esse está eu foi "
                    + "há isso já la lhe mais mas me meu minha muito na nas não nem no nos nós o os ou para pela "
                    + "pelo por quando que se sem ser seu sua são também te tem um uma você é"),
            "fr", words("à au aux avec ce ces c'est dans de des du elle en est et être il ils je la le les leur lui "
                    + "ma mais me même mes moi mon ne nous on ou où par pas pour qu'il que qui sa se ses son sur ta "
                    + "te tes toi ton tu un une vous y a été sont"),
            "de", words("aber als am an auch auf aus bei bin bis das dass dem den der des die doch du ein eine einem "
                    + "einen einer es für hat ich ihr im in ist ja kein mit mich mir nach nicht noch nur oder sich sie "
                    + "sind so über um und uns von vor war was wie wir zu zum zur"));

    private static final WordSet ALL = WordSet.of(BY_LANGUAGE.values().fold(TWITTER, Set::union));
    /** Each language's list with Twitter's noise in it: one look-up a word. */
    private static final Map<String, WordSet> WITH_TWITTER =
            BY_LANGUAGE.mapValues(own -> WordSet.of(own.union(TWITTER)));

    private StopWords() {
    }

    /** The languages with a bundled list. */
    public static Set<String> languages() {
        return BY_LANGUAGE.keySet();
    }

    public static boolean contains(Option<String> language, String word) {
        return of(language).contains(word);
    }

    /**
     * The stop words of a language tag ({@code pt-br} is Portuguese), Twitter's among them; every list's when there
     * is no tag or no list for it.
     */
    public static WordSet of(Option<String> language) {
        if (language.isEmpty()) {
            return ALL;
        }
        String tag = language.get();
        int dash = tag.indexOf('-');
        return WITH_TWITTER.get(dash < 0 ? tag : tag.substring(0, dash)).getOrElse(ALL);
    }

    private static Set<String> words(String spaced) {
        return HashSet.of(spaced.split(" "));
    }
}
