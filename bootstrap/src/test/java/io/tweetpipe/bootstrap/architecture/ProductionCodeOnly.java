package io.tweetpipe.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Leaves out the application's test-jar (in-memory adapters and port contracts) that bootstrap's tests depend on:
 * {@link ImportOption.DoNotIncludeTests} only recognises test-classes folders, not a test-jar.
 */
public final class ProductionCodeOnly implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("-tests.jar") && new DoNotIncludeTests().includes(location);
    }
}
