package org.alor.app.label;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the model's guesses for the current image: key {@code rank} (1–5) accepts it.
 *
 * @param probability null when the class is offered without a model probability (e.g. the class it was picked for)
 * @param references  images of that class to compare with
 */
public record Suggestion(int rank, int classId, String name, String commonName, Double probability, List<Path> references) {
}
