package io.taskconsole.ui.preview;

import java.util.Optional;

/**
 * One new state of the preview: the full page, numbered, cut into blocks when it could be
 * ({@code blocks} is null otherwise), and when possible the patch that turns the previous state
 * ({@code version - 1}) into it, which the view applies if that is what it shows.
 */
record PreviewUpdate(long version, String html, PageBlocks blocks, Optional<PreviewPatch> patch) {
}
