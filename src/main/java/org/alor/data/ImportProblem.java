package org.alor.data;

/** Something wrong with one input file or line that was skipped during an import. */
public record ImportProblem(String file, String reason) {
    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
