package io.tweetpipe.adapters.socket.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What the socket adapter may lean on. */
@AnalyzeClasses(packages = "io.tweetpipe.adapters.socket", importOptions = ImportOption.DoNotIncludeTests.class)
public class SocketAdapterArchitectureTest {

    @ArchTest
    public static final ArchRule ONLY_JDK_VAVR_AND_THE_CORE = SocketAdapterRules.ONLY_JDK_VAVR_AND_THE_CORE;
}
