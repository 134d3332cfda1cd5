package org.alor.app.label;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KeyboardMappingTest {
    private final KeyboardMapping map = new KeyboardMapping();

    private Optional<LabelCommand> key(KeyCode code, String text) {
        return map.map(KeyStroke.plain(code, text), false);
    }

    @Test
    void digitsAcceptSuggestions() {
        assertThat(key(KeyCode.DIGIT1, "1")).contains(LabelCommand.accept(1));
        assertThat(key(KeyCode.NUMPAD5, "5")).contains(LabelCommand.accept(5));
        assertThat(key(KeyCode.DIGIT6, "6")).isEmpty();
    }

    @Test
    void commandKeys() {
        assertThat(map.map(KeyStroke.ctrl(KeyCode.U), false)).contains(LabelCommand.of(LabelCommand.Kind.UNSURE));
        assertThat(map.map(KeyStroke.ctrl(KeyCode.S), false)).contains(LabelCommand.of(LabelCommand.Kind.SKIP));
        assertThat(map.map(KeyStroke.ctrl(KeyCode.G), false)).contains(LabelCommand.of(LabelCommand.Kind.TOGGLE_GRID));
        assertThat(key(KeyCode.ENTER, "\r")).contains(LabelCommand.of(LabelCommand.Kind.CONFIRM));
        assertThat(key(KeyCode.BACK_SPACE, "")).contains(LabelCommand.of(LabelCommand.Kind.UNDO));
        assertThat(key(KeyCode.LEFT, "")).contains(LabelCommand.of(LabelCommand.Kind.PREV));
        assertThat(key(KeyCode.RIGHT, "")).contains(LabelCommand.of(LabelCommand.Kind.NEXT));
        assertThat(map.map(KeyStroke.ctrl(KeyCode.Z), false)).contains(LabelCommand.of(LabelCommand.Kind.UNDO));
        assertThat(map.map(KeyStroke.ctrl(KeyCode.Y), false)).contains(LabelCommand.of(LabelCommand.Kind.REDO));
        assertThat(map.map(new KeyStroke(KeyCode.Z, "", true, true, false), false)).contains(LabelCommand.of(LabelCommand.Kind.REDO));
    }

    @Test
    void everyLetterSearchesEvenTheFirstLettersOfSwallowUnicolorAndGull() {
        // "swal" used to skip the image on S and search over the next one, where Enter gave a wrong label
        for (String letter : new String[] {"s", "u", "g"}) {
            assertThat(key(KeyCode.getKeyCode(letter.toUpperCase()), letter)).contains(LabelCommand.search(letter));
        }
        assertThat(KeyboardMapping.HELP).contains("Ctrl+U unsure").contains("Ctrl+S skip").contains("Ctrl+G grid");
    }

    @Test
    void otherLettersOpenTheSearchWithWhatWasTyped() {
        assertThat(key(KeyCode.T, "t")).contains(LabelCommand.search("t"));
        assertThat(key(KeyCode.SLASH, "/")).contains(LabelCommand.search(""));
        assertThat(map.map(KeyStroke.ctrl(KeyCode.F), false)).contains(LabelCommand.search(""));
        assertThat(map.map(KeyStroke.ctrl(KeyCode.T), false)).isEmpty();
        assertThat(key(KeyCode.SPACE, " ")).isEmpty();
    }

    @Test
    void whileSearchingOnlyNavigationKeysAreCommands() {
        assertThat(map.map(KeyStroke.plain(KeyCode.U, "u"), true)).isEmpty();
        assertThat(map.map(KeyStroke.plain(KeyCode.DIGIT1, "1"), true)).isEmpty();
        assertThat(map.map(KeyStroke.plain(KeyCode.BACK_SPACE), true)).isEmpty();
        assertThat(map.map(KeyStroke.plain(KeyCode.ENTER), true)).contains(LabelCommand.of(LabelCommand.Kind.CONFIRM));
        assertThat(map.map(KeyStroke.plain(KeyCode.ESCAPE), true)).contains(LabelCommand.of(LabelCommand.Kind.CLOSE_SEARCH));
        assertThat(map.map(KeyStroke.plain(KeyCode.DOWN), true)).contains(LabelCommand.of(LabelCommand.Kind.SEARCH_DOWN));
    }

    @Test
    void zoomKeysAndTheirHelp() {
        assertThat(key(KeyCode.EQUALS, "+")).contains(LabelCommand.of(LabelCommand.Kind.ZOOM_IN));
        assertThat(key(KeyCode.ADD, "+")).contains(LabelCommand.of(LabelCommand.Kind.ZOOM_IN));
        assertThat(key(KeyCode.MINUS, "-")).contains(LabelCommand.of(LabelCommand.Kind.ZOOM_OUT));
        assertThat(key(KeyCode.DIGIT0, "0")).contains(LabelCommand.of(LabelCommand.Kind.ZOOM_FIT));
        assertThat(map.map(KeyStroke.ctrl(KeyCode.DIGIT1), false)).contains(LabelCommand.of(LabelCommand.Kind.ZOOM_NATIVE));
        assertThat(map.map(KeyStroke.plain(KeyCode.MINUS, "-"), true)).as("typing in the picker").isEmpty();
        assertThat(KeyboardMapping.HELP).contains("zoom").contains("Ctrl+1");
    }

    @Test
    void pickerAndCompareKeys() {
        assertThat(map.map(KeyStroke.ctrl(KeyCode.ENTER), true)).contains(LabelCommand.of(LabelCommand.Kind.COMPARE));
        assertThat(map.map(KeyStroke.plain(KeyCode.ESCAPE), true, true)).contains(LabelCommand.of(LabelCommand.Kind.CLOSE_COMPARE));
        assertThat(map.map(KeyStroke.plain(KeyCode.ENTER), true, true)).contains(LabelCommand.of(LabelCommand.Kind.CONFIRM));
        assertThat(map.map(KeyStroke.plain(KeyCode.DIGIT1, "1"), false, true)).isEmpty();
    }
}
