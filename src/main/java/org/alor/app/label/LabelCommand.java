package org.alor.app.label;

/**
 * One thing the labeler asks for. {@code index} is the 1-based suggestion for {@link Kind#ACCEPT};
 * {@code text} the first typed characters for {@link Kind#OPEN_SEARCH}.
 */
public record LabelCommand(Kind kind, int index, String text) {
    public enum Kind {
        ACCEPT, CONFIRM, UNSURE, SKIP, UNDO, REDO, NEXT, PREV, OPEN_SEARCH, CLOSE_SEARCH, SEARCH_UP, SEARCH_DOWN,
        TOGGLE_GRID, COMPARE, CLOSE_COMPARE, ZOOM_IN, ZOOM_OUT, ZOOM_FIT, ZOOM_NATIVE
    }

    public static LabelCommand of(Kind kind) {
        return new LabelCommand(kind, 0, "");
    }

    public static LabelCommand accept(int index) {
        return new LabelCommand(Kind.ACCEPT, index, "");
    }

    public static LabelCommand search(String text) {
        return new LabelCommand(Kind.OPEN_SEARCH, 0, text == null ? "" : text);
    }
}
