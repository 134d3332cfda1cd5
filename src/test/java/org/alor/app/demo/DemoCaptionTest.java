package org.alor.app.demo;

import org.alor.app.charts.ChartData;

import org.alor.data.ClassInfo;
import org.alor.store.LabelKind;
import org.alor.store.LabelState;
import org.alor.store.Selection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCaptionTest {
    private static SortedMap<Integer, Double> accuracy(double round0, double round1) {
        return new TreeMap<>(Map.of(0, round0, 1, round1));
    }

    private static LabelState label(long id, int classId) {
        return new LabelState(id, LabelKind.LABEL, classId, id, "oracle", 0, Instant.EPOCH);
    }

    @Test
    void countsTheNewLabelsOfTheOutlinedTailAndHowTheTailMoved() {
        List<ClassInfo> classes = List.of(ClassInfo.named(0, "a"), ClassInfo.named(1, "b"), ClassInfo.named(2, "c"));
        ChartData data = new ChartData(List.of(), null, classes, List.of(0, 1),
                Map.of(0, accuracy(0.2, 0.6), 1, accuracy(0.5, 0.5), 2, accuracy(0.9, 0.9)), List.of(0),
                Map.of(), Map.of(), Map.of());
        List<Selection> picked = List.of(new Selection(10, 0, 0, 0.1, ""), new Selection(11, 1, 0, 0.1, ""),
                new Selection(12, 2, 2, 0.1, ""), new Selection(13, 3, 1, 0.1, ""));
        Map<Long, LabelState> labels = Map.of(10L, label(10, 0), 11L, label(11, 2), 12L, label(12, 0));

        assertThat(DemoCaption.of(1, picked, labels, data))
                .isEqualTo("Round 1: 2 of 4 new labels were of the 1 weakest species (outlined); their accuracy 20% → 60%.");
        assertThat(DemoCaption.of(0, List.of(), labels, data))
                .isEqualTo("Round 0: one labeled image per species; the 1 weakest species (outlined) are at 20%.");
    }
}
