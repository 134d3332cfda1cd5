package org.alor.app.label;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A key press reduced to what the keyboard mapping needs, so the mapping is testable without a screen.
 *
 * @param text     the typed character(s), empty for non-character keys
 * @param shortcut Ctrl (or Cmd on macOS) held
 */
public record KeyStroke(KeyCode code, String text, boolean shortcut, boolean shift, boolean alt) {
    public KeyStroke {
        text = text == null ? "" : text;
    }

    public static KeyStroke of(KeyEvent e) {
        return new KeyStroke(e.getCode(), e.getText(), e.isShortcutDown() || e.isControlDown(), e.isShiftDown(), e.isAltDown());
    }

    public static KeyStroke plain(KeyCode code, String text) {
        return new KeyStroke(code, text, false, false, false);
    }

    public static KeyStroke plain(KeyCode code) {
        return plain(code, "");
    }

    public static KeyStroke ctrl(KeyCode code) {
        return new KeyStroke(code, "", true, false, false);
    }
}
