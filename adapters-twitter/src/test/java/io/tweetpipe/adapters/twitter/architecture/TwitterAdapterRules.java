package io.tweetpipe.adapters.twitter.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** This adapter's own walls, checked where a violation would be made. */
final class TwitterAdapterRules {

    private TwitterAdapterRules() {
    }

    /** Replay and live must read Twitter's JSON the same way, so only the mappings (v1.1, v2, shared) parse it. */
    static final ArchRule ONE_MAPPING = noClasses()
            .that().resideOutsideOfPackages("io.tweetpipe.adapters.twitter.v1..", "io.tweetpipe.adapters.twitter.v2..",
                    "io.tweetpipe.adapters.twitter.json..")
            .should().dependOnClassesThat().haveFullyQualifiedName("twitter4j.TwitterObjectFactory")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("twitter4j.JSONObject")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("twitter4j.JSONObjectType")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("twitter4j.JSONArray")
            .because("a recording must replay to what the live run handed on");

    /** A replay needs no network and no live-stream machinery. */
    static final ArchRule REPLAY_IS_OFFLINE = noClasses()
            .that().resideInAPackage("io.tweetpipe.adapters.twitter.replay..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tweetpipe.adapters.twitter.live..", "java.net..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("twitter4j.TwitterStream");

    /** Logging goes through System.Logger only; twitter4j's is bridged to it. */
    static final ArchRule NO_STANDARD_STREAMS = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    /** Stricter than GeneralCodingRules' version, which only looks for a static JUL logger field. */
    static final ArchRule NO_JAVA_UTIL_LOGGING = noClasses()
            // The one exception: it pins the JDK HTTP client's logger so no verbosity ever prints OAuth headers.
            .that().doNotHaveFullyQualifiedName("io.tweetpipe.adapters.twitter.v1.Twitter4jLogging")
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("System.Logger is the one logging API; whoever runs the process picks its backend");
}
