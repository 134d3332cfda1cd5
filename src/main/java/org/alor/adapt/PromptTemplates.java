package org.alor.adapt;

import java.util.List;
import java.util.Locale;

/**
 * The prompt templates of docs/method.md §5, per dataset kind; "{}" is replaced by the class name.
 */
public enum PromptTemplates {
    BIRDS(List.of("a photo of a {}, a type of bird.")),
    AIRCRAFT(List.of("a photo of a {}, a type of aircraft.", "a photo of the {}, a type of aircraft.")),
    FOOD(List.of("a photo of {}, a type of food.")),
    PETS(List.of("a photo of a {}, a type of pet.")),
    CARS(List.of("a photo of a {}.", "a photo of the {}.", "a photo of my {}.", "i love my {}!",
            "a photo of my dirty {}.", "a photo of my clean {}.", "a photo of my new {}.", "a photo of my old {}.")),
    GENERIC(List.of("a photo of a {}."));

    private final List<String> templates;

    PromptTemplates(List<String> templates) {
        this.templates = templates;
    }

    public List<String> templates() {
        return templates;
    }

    /** All prompts for one class name, in template order. */
    public List<String> prompts(String className) {
        return templates.stream().map(t -> t.replace("{}", className)).toList();
    }

    /** Parses "birds", "aircraft", ... (case-insensitive). */
    public static PromptTemplates parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown prompt set '" + name + "' (expected one of birds, aircraft, food, pets, cars, generic)");
        }
    }
}
