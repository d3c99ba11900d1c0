package io.taskconsole.markdown;

import java.util.List;

/** Flattens a parsed document into {@link PreviewBlock}s. (Being written: see the helper's task.) */
final class PreviewBlocks {

    private PreviewBlocks() {
    }

    static List<PreviewBlock> of(ParsedMarkdown markdown) {
        throw new UnsupportedOperationException("not written yet");
    }
}
