package io.taskconsole.task;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a task folder's entries look like from the directory alone: each visible entry's kind, size
 * and modification time. The console checks a task for changes made by other programs every two
 * seconds; comparing stamps first means a folder nobody touched costs a directory listing, not a
 * read of every file (a megabyte spec, the YAML parsed again) and a comparison of their text on the
 * FX thread.
 *
 * <p>A stamp vouches for "nothing changed" only when it was <em>settled</em>: every entry was last
 * modified at least {@link #RACY} before it was taken. A file written again within the same tick of
 * a coarse clock (whole seconds on some file systems), to the same size, would otherwise look
 * unchanged; git calls this the racily clean case and handles it the same way.
 */
public record FolderStamp(Map<String, Entry> entries, boolean settled) {

    /** Entries modified this recently may yet change without their time changing. */
    public static final Duration RACY = Duration.ofSeconds(2);

    /** One directory entry: a file, link or folder (not followed), its size and modification time. */
    public record Entry(char kind, long size, long modifiedNanos) {
    }

    public FolderStamp {
        entries = Map.copyOf(entries);
    }

    /** A stamp for a store that cannot tell: never the same as another, so the folder is always read. */
    public static FolderStamp unknown() {
        return new FolderStamp(Map.of(), false);
    }

    /** Stamps {@code folder}'s entries, hidden ones (such as {@code .history}) left out. */
    public static FolderStamp of(Path folder, Instant now) {
        Map<String, Entry> entries = new TreeMap<>();
        long newest = Long.MIN_VALUE;
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                String name = child.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue; // removed between the listing and this look: absent, as the next stamp will say
                }
                long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                newest = Math.max(newest, modified);
                char kind = attributes.isSymbolicLink() ? 'l' : attributes.isDirectory() ? 'd' : attributes.isRegularFile() ? 'f' : 'o';
                entries.put(name, new Entry(kind, attributes.size(), modified));
            }
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot list task folder " + folder + ": " + e.getMessage(),
                    "Check that the folder exists and that you may read it.", e);
        }
        long racyFrom = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano() - RACY.toNanos();
        return new FolderStamp(entries, newest < racyFrom);
    }

    /**
     * Whether the folder can be taken as unchanged since {@code earlier} was stamped: the same
     * entries, sizes and times, and {@code earlier} settled. False when {@code earlier} is null.
     */
    public boolean unchangedSince(FolderStamp earlier) {
        return earlier != null && earlier.settled && !entries.isEmpty() && entries.equals(earlier.entries);
    }
}
