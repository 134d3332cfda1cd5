package org.alor.app.label;

import javafx.scene.input.KeyCode;

import java.util.Optional;

/**
 * The labeling keys: 1–5 accept a suggestion, Enter the first one; Ctrl+U unsure, Ctrl+S skip, Ctrl+G grid;
 * Backspace or Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo; ←/→ move; every letter (or "/", Ctrl+F) opens the class
 * search with what was typed. Actions never sit on plain letters: a class name can start with any letter, and
 * typing "swal" must search, not skip the image. + and − zoom the image, 0 fits it, Ctrl+1 shows it at full
 * resolution. While the class picker is open only Enter, Ctrl+Enter (compare), Escape and ↑/↓ are commands;
 * everything else is typing. While comparing, Enter labels with the compared class and Escape returns.
 */
public final class KeyboardMapping {
    /** The line shown under the image. */
    public static final String HELP = "1–5 accept · type a name to search · Enter confirm · Ctrl+U unsure · "
            + "Ctrl+S skip · Ctrl+Z undo · ←/→ move · Ctrl+G grid · +/− zoom, 0 fit, Ctrl+1 full size";

    public Optional<LabelCommand> map(KeyStroke k, boolean searchOpen) {
        return map(k, searchOpen, false);
    }

    public Optional<LabelCommand> map(KeyStroke k, boolean searchOpen, boolean comparing) {
        if (comparing) return compareKey(k);
        if (searchOpen) return searchKey(k);
        if (k.shortcut()) {
            if (k.code() == KeyCode.DIGIT1 || k.code() == KeyCode.NUMPAD1) return command(LabelCommand.Kind.ZOOM_NATIVE);
            if (k.code() == KeyCode.Z) return command(k.shift() ? LabelCommand.Kind.REDO : LabelCommand.Kind.UNDO);
            if (k.code() == KeyCode.Y) return command(LabelCommand.Kind.REDO);
            if (k.code() == KeyCode.F) return Optional.of(LabelCommand.search(""));
            if (k.code() == KeyCode.U) return command(LabelCommand.Kind.UNSURE);
            if (k.code() == KeyCode.S) return command(LabelCommand.Kind.SKIP);
            if (k.code() == KeyCode.G) return command(LabelCommand.Kind.TOGGLE_GRID);
            return Optional.empty();
        }
        if (k.alt()) return Optional.empty();
        int digit = digit(k.code());
        if (digit >= 1 && digit <= 5) return Optional.of(LabelCommand.accept(digit));
        switch (k.code()) {
            case ENTER: return command(LabelCommand.Kind.CONFIRM);
            case BACK_SPACE: return command(LabelCommand.Kind.UNDO);
            case LEFT: return command(LabelCommand.Kind.PREV);
            case RIGHT: return command(LabelCommand.Kind.NEXT);
            case SLASH: return Optional.of(LabelCommand.search(""));
            case PLUS: case EQUALS: case ADD: return command(LabelCommand.Kind.ZOOM_IN);
            case MINUS: case SUBTRACT: return command(LabelCommand.Kind.ZOOM_OUT);
            case DIGIT0: case NUMPAD0: return command(LabelCommand.Kind.ZOOM_FIT);
            default: break;
        }
        String t = k.text();
        if (t.length() == 1 && Character.isLetter(t.charAt(0))) return Optional.of(LabelCommand.search(t));
        if (t.isEmpty() && k.code().isLetterKey()) return Optional.of(LabelCommand.search(k.code().getChar().toLowerCase(java.util.Locale.ROOT)));
        return Optional.empty();
    }

    private static Optional<LabelCommand> compareKey(KeyStroke k) {
        switch (k.code()) {
            case ENTER: return command(LabelCommand.Kind.CONFIRM);
            case ESCAPE: return command(LabelCommand.Kind.CLOSE_COMPARE);
            default: return Optional.empty();
        }
    }

    private static Optional<LabelCommand> searchKey(KeyStroke k) {
        switch (k.code()) {
            case ENTER: return command(k.shortcut() ? LabelCommand.Kind.COMPARE : LabelCommand.Kind.CONFIRM);
            case ESCAPE: return command(LabelCommand.Kind.CLOSE_SEARCH);
            case UP: return command(LabelCommand.Kind.SEARCH_UP);
            case DOWN: return command(LabelCommand.Kind.SEARCH_DOWN);
            default: return Optional.empty();
        }
    }

    private static int digit(KeyCode code) {
        switch (code) {
            case DIGIT1: case NUMPAD1: return 1;
            case DIGIT2: case NUMPAD2: return 2;
            case DIGIT3: case NUMPAD3: return 3;
            case DIGIT4: case NUMPAD4: return 4;
            case DIGIT5: case NUMPAD5: return 5;
            default: return -1;
        }
    }

    private static Optional<LabelCommand> command(LabelCommand.Kind kind) {
        return Optional.of(LabelCommand.of(kind));
    }
}
