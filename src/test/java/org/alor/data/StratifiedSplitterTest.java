package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StratifiedSplitterTest {
    private static List<SampleRecord> samples(int classes, int perClass) {
        List<SampleRecord> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) out.add(new SampleRecord("c" + c + "/i" + i + ".jpg", Split.POOL, c, 1, 1, "h"));
        }
        return out;
    }

    private static Map<Split, Long> countsOfClass(List<SampleRecord> s, int c) {
        return s.stream().filter(x -> x.trueLabel() == c).collect(Collectors.groupingBy(SampleRecord::split, Collectors.counting()));
    }

    @Test
    void fractionsPerClassAreExact() {
        List<SampleRecord> out = new StratifiedSplitter(0.1, 0.2, 7).assign(samples(5, 20));
        for (int c = 0; c < 5; c++) {
            assertThat(countsOfClass(out, c)).containsEntry(Split.VAL, 2L).containsEntry(Split.TEST, 4L).containsEntry(Split.POOL, 14L);
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplitInputOrderKept() {
        List<SampleRecord> in = samples(4, 30);
        List<SampleRecord> a = new StratifiedSplitter(0.2, 0.2, 42).assign(in);
        List<SampleRecord> b = new StratifiedSplitter(0.2, 0.2, 42).assign(new ArrayList<>(in));
        List<SampleRecord> other = new StratifiedSplitter(0.2, 0.2, 43).assign(in);
        assertThat(a).isEqualTo(b);
        assertThat(a).extracting(SampleRecord::path).isEqualTo(in.stream().map(SampleRecord::path).toList());
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void aClassSplitDoesNotDependOnOtherClasses() {
        List<SampleRecord> two = new StratifiedSplitter(0.2, 0.3, 5).assign(samples(2, 10));
        List<SampleRecord> three = new StratifiedSplitter(0.2, 0.3, 5).assign(samples(3, 10));
        assertThat(three.subList(0, 20)).isEqualTo(two);
    }

    @Test
    void smallClassesKeepOneInThePoolAndGetOneForEvaluationFromThree() {
        StratifiedSplitter s = new StratifiedSplitter(0.1, 0.1, 1);
        assertThat(s.counts(1)).containsExactly(0, 0);
        assertThat(s.counts(2)).containsExactly(0, 0);
        assertThat(s.counts(3)).containsExactly(1, 1);
        assertThat(s.counts(10)).containsExactly(1, 1);
        StratifiedSplitter big = new StratifiedSplitter(0.45, 0.45, 1);
        assertThat(big.counts(2)).containsExactly(1, 0);
        assertThat(big.counts(4)).containsExactly(2, 1);
        assertThat(new StratifiedSplitter(0, 0.2, 1).counts(3)).containsExactly(0, 1);
    }

    @Test
    void unlabeledAndAlreadySplitSamplesAreLeftAlone() {
        List<SampleRecord> in = new ArrayList<>(samples(1, 10));
        in.add(new SampleRecord("u.jpg", Split.POOL, null, 1, 1, "h"));
        in.add(new SampleRecord("r.jpg", Split.RETRIEVED, 0, 1, 1, "h"));
        List<SampleRecord> out = new StratifiedSplitter(0.3, 0.3, 3).assign(in);
        assertThat(out.subList(10, 12)).isEqualTo(in.subList(10, 12));
    }

    @Test
    void rejectsImpossibleFractions() {
        assertThatThrownBy(() -> new StratifiedSplitter(0.5, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StratifiedSplitter(-0.1, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
