package org.alor.app.label;

import org.alor.data.ClassInfo;
import org.alor.data.Split;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.alor.store.Selection;
import org.alor.store.StoredSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What "Why this image" and "Provenance" say (issue 17 item 4): names, not ids; no negative zero; no class folder. */
class LabelingTextsTest {
    @TempDir
    Path tmp;

    private static final List<ClassInfo> CLASSES = List.of(
            new ClassInfo(0, "Elanus leucurus", "White-tailed Kite", Map.of()),
            new ClassInfo(4, "Ictinia mississippiensis", "Mississippi Kite", Map.of()));

    private static LabelingSession session(QueueItem item) {
        RoundRecord round = new RoundRecord(1, "lp", "tfs", 0, 1, RoundStatus.LABELING, null, null, null);
        return new LabelingSession(round, CLASSES, List.of(item), Map.of(), Map.of(), Map.of());
    }

    private QueueItem item(String reason) throws Exception {
        Path file = Files.createDirectories(tmp.resolve("Ictinia mississippiensis")).resolve("img_003.png");
        Files.write(file, new byte[2048]);
        StoredSample s = new StoredSample(42, "Ictinia mississippiensis/img_003.png", Split.POOL, 4, 320, 240, "h", null);
        return new QueueItem(new Selection(42, 0, 4, -0.038, reason), s, file);
    }

    @Test
    void theStrategysReasonNamesTheClassInsteadOfItsId() throws Exception {
        QueueItem item = item("tail class 4 — count 5 at pick time; entropy 0.038");
        String text = new LabelingTexts(session(item)).reasonText(item.selection(), 24);
        assertThat(text).startsWith("tail class Ictinia mississippiensis (Mississippi Kite) — count 5 at pick time; entropy 0.038")
                .doesNotContain("class 4");
    }

    @Test
    void aStoredNegativeZeroEntropyIsShownAsZero() throws Exception {
        QueueItem item = item("tail class 0 — count 0 at pick time; entropy -0.000");
        String text = new LabelingTexts(session(item)).reasonText(item.selection(), 24);
        assertThat(text).contains("entropy 0.000").doesNotContain("-0.000");
    }

    @Test
    void provenanceShowsTheFileNameButNotTheClassFolder() throws Exception {
        QueueItem item = item("x");
        String text = LabelingTexts.provenanceText(item);
        assertThat(text).contains("img_003.png").contains("pool").contains("320×240")
                .doesNotContain("Ictinia").doesNotContain(tmp.toString());
        assertThat(LabelingTexts.fullPath(item)).isEqualTo(item.file().toString());
    }
}
