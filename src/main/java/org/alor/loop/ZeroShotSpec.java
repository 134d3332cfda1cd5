package org.alor.loop;

import org.alor.adapt.PromptTemplates;

import java.util.Locale;

/**
 * The settings of a zero-shot evaluation on a project's test split, checked once in {@link Builder#build()}.
 *
 * @param naming    which class name fills the prompts
 * @param templates the prompt set, or null for the project's prompt_set setting
 * @param embed     how missing test embeddings are computed
 */
public record ZeroShotSpec(ClassNaming naming, PromptTemplates templates, EmbedSpec embed) {
    public static Builder builder() {
        return new Builder();
    }

    /** The chosen prompt set, else the project's ({@code projectPromptSet}, e.g. the prompt_set setting). */
    public PromptTemplates templatesOr(String projectPromptSet) {
        return templates != null ? templates : PromptTemplates.parse(projectPromptSet);
    }

    /** Builds a {@link ZeroShotSpec}; unset values: names, the project's prompt set, the default embedding. */
    public static final class Builder {
        private String naming = "name";
        private String prompts;
        private EmbedSpec embed;

        private Builder() {
        }

        /** {@code name} or {@code most_common_name}. */
        public Builder optNaming(String n) {
            this.naming = n;
            return this;
        }

        /** A prompt set name (birds, aircraft, food, pets, cars, generic). */
        public Builder optPrompts(String set) {
            this.prompts = set;
            return this;
        }

        public Builder optEmbed(EmbedSpec e) {
            this.embed = e;
            return this;
        }

        public ZeroShotSpec build() {
            String n = naming == null ? "" : naming.trim().toLowerCase(Locale.ROOT);
            ClassNaming kind = switch (n) {
                case "name" -> ClassNaming.NAME;
                case "most_common_name" -> ClassNaming.MOST_COMMON_NAME;
                default -> throw new IllegalArgumentException("--names must be name or most_common_name, got '" + naming + "'");
            };
            PromptTemplates templates = prompts == null ? null : PromptTemplates.parse(prompts);
            return new ZeroShotSpec(kind, templates, embed == null ? EmbedSpec.builder().build() : embed);
        }
    }
}
