package io.taskconsole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM and of the child processes it has waited for (helm, kubectl), from
 * {@code /proc/self/stat}: what a burst of submissions costs the machine, so a wall-time speed-up
 * can be read against what the machine's cores allow.
 */
final class ProcessCpu {

    /** Linux reports these fields in clock ticks; USER_HZ is 100 on every architecture Java runs on here. */
    private static final long TICK_MS = 10;

    private ProcessCpu() {
    }

    /** Milliseconds of CPU (user + system, this process and its reaped children); -1 off Linux. */
    static long millis() {
        return ticks(14, 17);
    }

    /** Milliseconds of CPU of the reaped children alone (helm, kubectl); -1 off Linux. */
    static long childMillis() {
        return ticks(16, 17);
    }

    private static long ticks(int from, int to) {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis don't.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime, stime, cutime, cstime are fields 14 to 17.
            long ticks = 0;
            for (int field = from; field <= to; field++) {
                ticks += Long.parseLong(fields[field - 3]);
            }
            return ticks * TICK_MS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
