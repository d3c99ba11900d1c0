package io.taskconsole.helm;

/** Receives helm's output line by line, on the thread that reads it. */
@FunctionalInterface
public interface OutputListener {

    enum Stream { STDOUT, STDERR, INFO }

    void onLine(Stream stream, String line);
}
