package io.taskconsole.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import io.taskconsole.markdown.Span.Style;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The inline content of one block as {@link Span}s: styles combine as they nest, links keep their
 * target as data, images become their description, raw HTML its source text. Neighbouring runs with
 * the same look are merged so a paragraph stays a handful of spans; a hard line break is always a
 * span of its own, {@code "\n"}.
 */
final class InlineSpans {

    private static final String HARD_BREAK = "\n";

    private final Document document;
    private final boolean keepComments;
    /** Set when a comment was left out, so the spaces on both sides of it become one, as in the text. */
    private boolean afterDroppedComment;
    private final List<Span> spans = new ArrayList<>();
    /** The run being collected: text of one look, made a span when the look changes (no quadratic joins). */
    private final StringBuilder run = new StringBuilder();
    private Set<Style> runStyles = Set.of();
    private String runLink = "";

    private InlineSpans(Document document, boolean keepComments) {
        this.document = document;
        this.keepComments = keepComments;
    }

    /** The spans of {@code parent}'s inline children; references are looked up in {@code document}. */
    static List<Span> of(Node parent, Document document) {
        return collect(parent, new InlineSpans(document, true));
    }

    /** As {@link #of}, without inline HTML comments: a criterion's text leaves them out. */
    static List<Span> withoutComments(Node parent, Document document) {
        return collect(parent, new InlineSpans(document, false));
    }

    private static List<Span> collect(Node parent, InlineSpans collector) {
        collector.children(parent, Set.of(), "");
        collector.endRun();
        return List.copyOf(collector.spans);
    }

    private void children(Node parent, Set<Style> styles, String link) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(node, styles, link);
        }
    }

    private void inline(Node node, Set<Style> styles, String link) {
        if (node instanceof Text || node instanceof HtmlEntity) {
            add(node.getChars().unescape(), styles, link);
        } else if (node instanceof SoftLineBreak) {
            add(" ", styles, link);
        } else if (node instanceof HardLineBreak) {
            endRun();
            spans.add(Span.plain(HARD_BREAK));
        } else if (node instanceof Emphasis) {
            children(node, with(styles, Style.ITALIC), link);
        } else if (node instanceof StrongEmphasis) {
            children(node, with(styles, Style.BOLD), link);
        } else if (node instanceof Strikethrough) {
            children(node, with(styles, Style.STRIKE), link);
        } else if (node instanceof Code code) {
            add(codeSpanText(code.getText()), with(styles, Style.CODE), link);
        } else if (node instanceof Link linkNode) {
            linked(node, linkNode.getUrl().unescape(), styles);
        } else if (node instanceof AutoLink autoLink) {
            String url = autoLink.getUrl().unescape();
            add(url, with(styles, Style.LINK), url);
        } else if (node instanceof MailLink mail) {
            String address = mail.getText().unescape();
            add(address, with(styles, Style.LINK), "mailto:" + address);
        } else if (node instanceof LinkRef ref) {
            linkRef(ref, styles, link);
        } else if (node instanceof Image image) {
            image(image, image.getUrl().unescape(), styles, link);
        } else if (node instanceof ImageRef ref) {
            imageRef(ref, styles, link);
        } else if (node instanceof HtmlInlineComment && !keepComments) {
            afterDroppedComment = true;
        } else if (node instanceof HtmlInlineBase) {
            // Shown as typed, so a tag in a task description is visible instead of silently acting or vanishing.
            add(oneLine(node.getChars().toString()), styles, link);
        } else if (node.hasChildren()) {
            children(node, styles, link);
        } else {
            add(node.getChars().unescape(), styles, link);
        }
    }

    private void linked(Node node, String url, Set<Style> styles) {
        if (node.hasChildren()) {
            children(node, with(styles, Style.LINK), url);
        } else {
            add(url, with(styles, Style.LINK), url);
        }
    }

    private void linkRef(LinkRef ref, Set<Style> styles, String link) {
        Reference reference = definition(ref);
        if (reference == null) {
            asWritten(ref, styles, link);
        } else {
            linked(ref, reference.getUrl().unescape(), styles);
        }
    }

    private void imageRef(ImageRef ref, Set<Style> styles, String link) {
        Reference reference = definition(ref);
        if (reference == null) {
            asWritten(ref, styles, link);
        } else {
            image(ref, reference.getUrl().unescape(), styles, link);
        }
    }

    private Reference definition(RefNode ref) {
        return ref.isDefined() ? ref.getReferenceNode(document) : null;
    }

    /** A reference to nothing is text, brackets included, as CommonMark shows it. */
    private void asWritten(RefNode ref, Set<Style> styles, String link) {
        Node first = ref.getFirstChild();
        if (first == null) {
            add(ref.getChars().unescape(), styles, link);
            return;
        }
        add(ref.getChars().baseSubSequence(ref.getStartOffset(), first.getStartOffset()).unescape(), styles, link);
        children(ref, styles, link);
        add(ref.getChars().baseSubSequence(ref.getLastChild().getEndOffset(), ref.getEndOffset()).unescape(), styles, link);
    }

    /**
     * An image is never loaded: it is its description, with its address as data. Inside a link it
     * keeps the link's target, which is where a click on a badge is meant to go.
     */
    private void image(Node image, String url, Set<Style> styles, String link) {
        String description = PlainText.of(image);
        Set<Style> look = with(styles, Style.IMAGE);
        add(description.isEmpty() ? "image" : description, look, styles.contains(Style.LINK) ? link : url);
    }

    /** CommonMark's code span content: line endings become spaces, one padding space each side goes. */
    private static String codeSpanText(CharSequence raw) {
        String text = oneLine(raw.toString());
        boolean padded = text.length() >= 2 && text.startsWith(" ") && text.endsWith(" ") && !text.isBlank();
        return padded ? text.substring(1, text.length() - 1) : text;
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    private static Set<Style> with(Set<Style> styles, Style style) {
        EnumSet<Style> combined = styles.isEmpty() ? EnumSet.noneOf(Style.class) : EnumSet.copyOf(styles);
        combined.add(style);
        return combined;
    }

    private void add(CharSequence text, Set<Style> styles, String link) {
        if (afterDroppedComment) {
            afterDroppedComment = false;
            if (endsInSpace()) {
                text = text.toString().stripLeading();
            }
        }
        if (text.isEmpty()) {
            return;
        }
        if (run.length() > 0 && !(runStyles.equals(styles) && runLink.equals(link))) {
            endRun();
        }
        runStyles = styles;
        runLink = link;
        run.append(text);
    }

    private boolean endsInSpace() {
        CharSequence last = run.length() > 0 ? run : spans.isEmpty() ? "" : spans.get(spans.size() - 1).text();
        return last.length() == 0 || Character.isWhitespace(last.charAt(last.length() - 1));
    }

    private void endRun() {
        if (run.length() > 0) {
            spans.add(new Span(run.toString(), runStyles, runLink));
            run.setLength(0);
        }
    }
}
