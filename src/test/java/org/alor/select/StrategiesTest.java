package org.alor.select;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategiesTest {

    @Test
    void everyNameResolvesToItsStrategy() {
        for (String name : Strategies.NAMES) {
            assertThat(Strategies.byName(name).name()).isEqualTo(name);
        }
        assertThat(Strategies.byName(" TFS ")).isInstanceOf(TailFirstStrategy.class);
        assertThat(Strategies.NAMES).containsExactly("random", "entropy", "tfs", "coreset", "badge", "pcb", "logo",
                "alfamix");
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertThatThrownBy(() -> Strategies.byName("margin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'margin'").hasMessageContaining("tfs, coreset");
    }

    @Test
    void strategiesNeedingFeaturesSayWhatIsMissing() {
        SelectionInput noFeatures = SelectionInput.builder(new float[][]{{1f, 0f}}, new int[2]).budget(1).build();
        for (String name : new String[]{"coreset", "badge", "pcb", "logo", "alfamix"}) {
            assertThatThrownBy(() -> Strategies.byName(name).select(noFeatures))
                    .isInstanceOf(MissingInputException.class)
                    .hasMessageContaining(name).hasMessageContaining("pool features");
        }
    }

    @Test
    void inputShapesAreChecked() {
        assertThatThrownBy(() -> SelectionInput.builder(new float[][]{{0.5f, 0.5f}, {1f}}, new int[2]).build())
                .hasMessageContaining("probabilities row 1 has 1 values, expected 2");
        assertThatThrownBy(() -> SelectionInput.builder(new float[][]{{1f, 0f}}, new int[2])
                .poolFeatures(new float[][]{{1f}, {2f}}).build())
                .hasMessageContaining("features has 2 rows, expected 1");
        assertThatThrownBy(() -> SelectionInput.builder(new float[][]{{1f, 0f}}, new int[2])
                .labeled(new float[][]{{1f}}, new int[]{2}).build())
                .hasMessageContaining("labeledClasses[0] = 2");
    }
}
