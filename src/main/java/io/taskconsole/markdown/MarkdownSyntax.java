package io.taskconsole.markdown;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.ParserEmulationProfile;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * The one Markdown dialect of Task Console: CommonMark lists and headings plus GitHub's tables,
 * strikethrough and task items, with YAML front matter recognised (and so kept out of criteria).
 * Preview and criteria extraction parse with the same rules, so what the preview shows as a list
 * is what becomes a criterion.
 */
final class MarkdownSyntax {

    private final Parser parser;

    MarkdownSyntax() {
        this.parser = Parser.builder(options()).build();
    }

    static DataHolder options() {
        MutableDataSet options = new MutableDataSet();
        options.setFrom(ParserEmulationProfile.COMMONMARK);
        options.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                TaskListExtension.create(),
                YamlFrontMatterExtension.create()));
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        return options.toImmutable();
    }

    /** Thread-safe: flexmark's parser keeps no state between calls. */
    ParsedMarkdown parse(String markdown) {
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        return new ParsedMarkdown(parser.parse(text), LineIndex.of(text));
    }
}
