package org.alor.loop;

import org.alor.adapt.PromptTemplates;
import org.alor.select.Strategies;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundSpecTest {
    @TempDir
    Path tmp;

    @Test
    void projectSettingsChooseSeedClassNamingAndPrompts() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            RoundSpec plain = RoundSpec.builder(Method.parse("LP"), "TFS").optProjectSettings(store.settings()).build();
            assertThat(plain.method()).isEqualTo(Method.LP);
            assertThat(plain.strategy()).isEqualTo("tfs");
            assertThat(plain.seed()).isEqualTo(666);
            assertThat(plain.naming()).isEqualTo(ClassNaming.NAME);
            assertThat(plain.budgetFor(37)).isEqualTo(37);

            store.settings().set(Settings.SEED, 777);
            store.settings().set(Settings.CLASS_NAMING, "most_common_name");
            store.settings().set(Settings.PROMPT_SET, "birds");
            RoundSpec set = RoundSpec.builder(Method.LP, "tfs").optProjectSettings(store.settings()).build();
            assertThat(set.seed()).isEqualTo(777);
            assertThat(set.naming()).isEqualTo(ClassNaming.MOST_COMMON_NAME);
            assertThat(set.templates()).isEqualTo(PromptTemplates.BIRDS);
            assertThat(set.toBuilder().optBudget(5).build().budgetFor(37)).isEqualTo(5);
            assertThat(RoundSpec.builder(Method.LP, "tfs").optProjectSettings(store.settings()).optSeed(1).build().seed())
                    .as("an explicit value wins over the setting").isEqualTo(1);

            store.settings().set(Settings.PROMPT_SET, "trains");
            assertThatThrownBy(() -> RoundSpec.builder(Method.LP, "tfs").optProjectSettings(store.settings()).build())
                    .hasMessageContaining("prompt_set");
        }
    }

    @Test
    void unsetValuesAreTheMethodsPaperDefaults() {
        RoundSpec pt = RoundSpec.builder(Method.PT, "random").build();
        assertThat(pt.epochs()).isEqualTo(50);
        assertThat(pt.batchSize()).isEqualTo(32);
        assertThat(pt.headLr()).isEqualTo(0.002);
        RoundSpec ct = RoundSpec.builder(Method.CT, "random").build();
        assertThat(ct.batchSize()).isEqualTo(128);
        assertThat(ct.encoderLr()).isEqualTo(1e-6);
        assertThat(ct.headLr()).isEqualTo(1e-4);
        assertThat(ct.precision()).isEqualTo(Precision.FP32);
    }

    @Test
    void badSettingsFailOnceAtBuildNamingTheProblem() {
        assertThatThrownBy(() -> RoundSpec.builder(Method.LP, "margin").build()).hasMessageContaining("unknown selection strategy 'margin'");
        assertThatThrownBy(() -> RoundSpec.builder(Method.LP, "tfs").optEpochs(0).build()).hasMessageContaining("epochs");
        assertThatThrownBy(() -> RoundSpec.builder(Method.LP, "tfs").optBatchSize(0).build()).hasMessageContaining("batch size");
        assertThatThrownBy(() -> RoundSpec.builder(Method.CT, "tfs").optEncoderLr(-1).build()).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> Method.parse("xyz")).hasMessageContaining("unknown method 'xyz'").hasMessageContaining("ft, ct, pt");
        assertThat(Method.parse("zs")).isEqualTo(Method.ZS);
        assertThat(Method.parse("zeroshot")).isEqualTo(Method.ZS);
        for (String s : Strategies.NAMES) assertThat(RoundSpec.builder(Method.LP, s).build().strategy()).isEqualTo(s);
    }

    @Test
    void fp32AndBf16AreAvailableAndFp16IsRefusedWithTheReason() {
        assertThat(RoundSpec.builder(Method.FT, "tfs").optPrecision(Precision.parse("fp32")).build().precision()).isEqualTo(Precision.FP32);
        assertThat(RoundSpec.builder(Method.CT, "tfs").optPrecision(Precision.parse("bf16")).build().precision()).isEqualTo(Precision.BF16);
        assertThat(RoundSpec.builder(Method.LP, "tfs").optPrecision(Precision.BF16).build().precision()).isEqualTo(Precision.BF16);
        assertThatThrownBy(() -> RoundSpec.builder(Method.FT, "tfs").optPrecision(Precision.FP16).build())
                .hasMessageContaining("precision fp16 is not available").hasMessageContaining("loss scaling");
        assertThatThrownBy(() -> RoundSpec.builder(Method.LP, "tfs").optPrecision(Precision.FP16).build())
                .hasMessageContaining("precision fp16 applies to ft, ct and pt, not lp");
        assertThatThrownBy(() -> Precision.parse("int8")).hasMessageContaining("unknown precision 'int8'");
    }

    @Test
    void theRecipeRecordedWithTheCheckpointIsTheDefaultAndExplicitValuesWin() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            new org.alor.store.CheckpointRecipe(8, 1e-4, null).recordIn(store.settings());
            RoundSpec recipe = RoundSpec.builder(Method.CT, "tfs").optProjectSettings(store.settings()).build();
            assertThat(recipe.epochs()).isEqualTo(8);
            assertThat(recipe.encoderLr()).isEqualTo(1e-4);
            assertThat(recipe.headLr()).isEqualTo(Method.CT.defaultHeadLr());
            RoundSpec explicit = RoundSpec.builder(Method.CT, "tfs").optProjectSettings(store.settings()).optEpochs(3)
                    .optEncoderLr(1e-6).build();
            assertThat(explicit.epochs()).isEqualTo(3);
            assertThat(explicit.encoderLr()).isEqualTo(1e-6);
        }
    }
}
