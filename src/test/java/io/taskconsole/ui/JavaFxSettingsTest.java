package io.taskconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JavaFX settings the console starts with: its own defaults, and the user's where given. */
class JavaFxSettingsTest {

    private static final String REGION_CACHING = "prism.disableRegionCaching";
    private final String before = System.getProperty(REGION_CACHING);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(REGION_CACHING);
        } else {
            System.setProperty(REGION_CACHING, before);
        }
    }

    @Test
    void regionCachingIsOffByDefault() {
        System.clearProperty(REGION_CACHING);
        TaskConsoleApp.configureJavaFx();
        assertEquals("true", System.getProperty(REGION_CACHING));
    }

    @Test
    void aUsersOwnChoiceIsKept() {
        // -Dprism.disableRegionCaching=false on the command line (or in JAVA_TOOL_OPTIONS) wins.
        System.setProperty(REGION_CACHING, "false");
        TaskConsoleApp.configureJavaFx();
        assertEquals("false", System.getProperty(REGION_CACHING));
    }
}
