package io.taskconsole.cli;

import io.taskconsole.submit.AppVersion;
import picocli.CommandLine;

/** Prints the version stamped into the jar. */
final class CliVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"task-console " + AppVersion.get()};
    }
}
