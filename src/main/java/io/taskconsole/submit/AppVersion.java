package io.taskconsole.submit;

/** The version the build stamped into the jar's manifest, or {@code dev} when run from classes. */
public final class AppVersion {

    private AppVersion() {
    }

    public static String get() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
