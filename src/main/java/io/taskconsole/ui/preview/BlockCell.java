package io.taskconsole.ui.preview;

import io.taskconsole.markdown.PreviewBlock;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;

/**
 * One block in the preview list. The block's nodes fill the cell's width so text wraps at the
 * pane's edge, and the cell's height follows from that width; a cell asked to show a block that
 * looks like the one it shows (the same paragraph, moved down by an edit above it) keeps its nodes.
 * A part of a long code block or table says which neighbours it joins ({@code :joins-previous},
 * {@code :joins-next}), so the stylesheet can close the gap and drop the edges between parts.
 */
final class BlockCell extends ListCell<PreviewBlock> {

    private static final PseudoClass JOINS_PREVIOUS = PseudoClass.getPseudoClass("joins-previous");
    private static final PseudoClass JOINS_NEXT = PseudoClass.getPseudoClass("joins-next");

    private PreviewBlock drawn;

    BlockCell() {
        getStyleClass().add("md-block");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(PreviewBlock block, boolean empty) {
        super.updateItem(block, empty);
        PreviewBlock.Part part = empty || block == null ? PreviewBlock.Part.WHOLE : block.part();
        pseudoClassStateChanged(JOINS_PREVIOUS, part.joinsPrevious());
        pseudoClassStateChanged(JOINS_NEXT, part.joinsNext());
        if (empty || block == null) {
            drawn = null;
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        if (!block.looksLike(drawn)) {
            setGraphic(BlockNodes.of(block));
        }
        drawn = block;
        setAccessibleText(block.plainText());
    }

    /** The top of the block's {@code row}-th line of code or table row, from the cell's top (see {@link BlockNodes#rowTop}). */
    double rowTop(int row) {
        Node graphic = getGraphic();
        return graphic == null || drawn == null ? 0 : getInsets().getTop() + BlockNodes.rowTop(drawn, graphic, row);
    }

    /** Never wider than the list: the text wraps instead of scrolling sideways. */
    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        Node graphic = getGraphic();
        if (graphic == null) {
            return super.computePrefHeight(width);
        }
        Insets insets = getInsets();
        double available = (width > 0 ? width : getWidth()) - insets.getLeft() - insets.getRight();
        return insets.getTop() + graphic.prefHeight(Math.max(0, available)) + insets.getBottom();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        Node graphic = getGraphic();
        if (graphic != null) {
            Insets insets = getInsets();
            graphic.resizeRelocate(insets.getLeft(), insets.getTop(),
                    Math.max(0, getWidth() - insets.getLeft() - insets.getRight()),
                    Math.max(0, getHeight() - insets.getTop() - insets.getBottom()));
        }
    }
}
