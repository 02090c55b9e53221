package io.tweetpipe.bootstrap.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The whole system, checked here because bootstrap is the one module that sees every class. */
@AnalyzeClasses(packages = "io.tweetpipe", importOptions = ProductionCodeOnly.class)
public class SystemArchitectureTest {

    @ArchTest
    public static final ArchRule HEXAGON = SystemRules.HEXAGON;

    @ArchTest
    public static final ArchRule NO_CYCLES = SystemRules.NO_CYCLES;

    @ArchTest
    public static final ArchRule SPARK = SystemRules.ONLY_THE_SPARK_ADAPTER_KNOWS_SPARK;

    @ArchTest
    public static final ArchRule TWITTER4J = SystemRules.ONLY_THE_TWITTER_ADAPTER_KNOWS_TWITTER4J;

    @ArchTest
    public static final ArchRule DAGGER = SystemRules.ONLY_BOOTSTRAP_KNOWS_DAGGER;
}
