package io.tracegate.audit.infrastructure.report;

import java.awt.Color;

/**
 * One table cell: its text (line breaks allowed), its typeface and its colour.
 *
 * @param whole never wrapped: a verdict word split over two lines ("NOT_COVER" / "ED") reads as two words, so
 *              {@link PageFlow} draws such a cell smaller instead when its column is too narrow
 */
record Cell(String text, Face face, Color color, boolean whole) {

    /** Which of the report's fonts a cell uses. */
    enum Face { REGULAR, BOLD, MONO }

    static final Color INK = new Color(0x1f, 0x23, 0x28);
    static final Color GREEN = new Color(0x1a, 0x7f, 0x37);
    static final Color RED = new Color(0xc0, 0x1c, 0x28);
    static final Color AMBER = new Color(0x9a, 0x67, 0x00);
    static final Color GREY = new Color(0x6e, 0x77, 0x81);

    Cell {
        text = text == null ? "" : text;
    }

    Cell(String text, Face face, Color color) {
        this(text, face, color, false);
    }

    static Cell of(String text) {
        return new Cell(text, Face.REGULAR, INK);
    }

    static Cell mono(String text) {
        return new Cell(text, Face.MONO, INK);
    }

    static Cell bold(String text) {
        return new Cell(text, Face.BOLD, INK);
    }

    /** A verdict or review state, coloured by what it means for the gate. */
    static Cell verdict(String verdict) {
        Color color = switch (verdict == null ? "" : verdict) {
            case "PASSED", "ACCEPTED", "WAIVED", "GREEN", "VALID" -> GREEN;
            case "FAILED", "REJECTED", "RED", "ERROR", "BROKEN" -> RED;
            case "SUSPECT", "NOT_COVERED", "UNREVIEWED", "WARNING", "SKIPPED", "FLAKY" -> AMBER;
            default -> INK;
        };
        return new Cell(verdict, Face.BOLD, color, true);
    }
}
