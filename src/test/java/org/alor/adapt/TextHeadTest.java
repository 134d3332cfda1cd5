package org.alor.adapt;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextHeadTest {
    @Test
    void averagesNormalisedTemplateEmbeddingsPerClassAndRenormalises() {
        List<List<String>> seen = new ArrayList<>();
        // Fake encoder: prompt "…the X…" of class A → (3,0) or (0,4) depending on template; class B → (0,-1).
        TextHead head = TextHead.fromClassNames(List.of("A", "B"), PromptTemplates.AIRCRAFT, prompts -> {
            seen.add(prompts);
            float[][] out = new float[prompts.size()][];
            for (int i = 0; i < prompts.size(); i++) {
                String p = prompts.get(i);
                if (p.contains(" A,")) out[i] = p.contains("the A") ? new float[] {0, 4} : new float[] {3, 0};
                else out[i] = new float[] {0, -1};
            }
            return out;
        });
        assertThat(seen.get(0)).containsExactly("a photo of a A, a type of aircraft.", "a photo of the A, a type of aircraft.",
                "a photo of a B, a type of aircraft.", "a photo of the B, a type of aircraft.");
        float s = (float) Math.sqrt(0.5);
        assertThat(head.weights()[0][0]).isCloseTo(s, within(1e-6f));
        assertThat(head.weights()[0][1]).isCloseTo(s, within(1e-6f));
        assertThat(head.weights()[1]).containsExactly(0f, -1f);

        float[][] probs = head.probabilities(new float[][] {{10, 10}}, 100f);
        assertThat(probs[0][0]).isGreaterThan(0.99f);
        assertThat(probs[0][0] + probs[0][1]).isCloseTo(1f, within(1e-6f));
    }
}
