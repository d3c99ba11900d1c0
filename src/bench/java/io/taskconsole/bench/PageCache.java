package io.taskconsole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Empties the OS page cache so the next start reads the app-image from disk, as the first start
 * after a reboot does. Linux only, and only for root; the harness skips cold starts otherwise.
 */
final class PageCache {

    private static final Path DROP_CACHES = Path.of("/proc/sys/vm/drop_caches");

    private PageCache() {
    }

    static boolean canDrop() {
        return Files.isWritable(DROP_CACHES);
    }

    static void drop() throws IOException, InterruptedException {
        // Dirty pages are not dropped: write them out first.
        Process sync = new ProcessBuilder("sync").inheritIO().start();
        sync.waitFor(60, TimeUnit.SECONDS);
        Files.writeString(DROP_CACHES, "3");
    }
}
