package io.taskconsole.submit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A chart ready for one helm run. A chart unpacked from the application's jar lives in a private
 * temporary folder that {@link #close()} deletes, so helm runs leave nothing behind in the temp
 * folder; a chart folder or an OCI reference is used in place and closing changes nothing.
 */
public final class PreparedChart implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PreparedChart.class.getName());

    private final String ref;
    private final Path unpackedInto;

    private PreparedChart(String ref, Path unpackedInto) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.unpackedInto = unpackedInto;
    }

    static PreparedChart inPlace(String ref) {
        return new PreparedChart(ref, null);
    }

    /** {@code chartFolder} lies inside {@code tempFolder}, which is deleted with everything in it on close. */
    static PreparedChart unpacked(Path chartFolder, Path tempFolder) {
        return new PreparedChart(chartFolder.toString(), tempFolder);
    }

    /** helm's chart argument: a local folder or an {@code oci://} reference. */
    public String ref() {
        return ref;
    }

    @Override
    public void close() {
        if (unpackedInto == null) {
            return;
        }
        try {
            BundledChart.deleteTree(unpackedInto);
        } catch (IOException e) {
            // Not worth failing a finished helm run for: the next unpack removes it once this process is gone.
            LOG.log(System.Logger.Level.WARNING, "Could not delete the unpacked chart " + unpackedInto, e);
        }
    }
}
