package org.alor.loop.doctor;

import java.util.ArrayList;
import java.util.List;

/** `alor doctor`'s report: "name: value" lines in order, and the problems found (each a named cause). */
public final class DoctorReport {
    private final List<String[]> lines = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    public DoctorReport add(String name, String value) {
        lines.add(new String[]{name, value});
        return this;
    }

    public DoctorReport problem(String cause) {
        problems.add(cause);
        return this;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The value of the first line named {@code name}, or "" when there is none. */
    public String value(String name) {
        return lines.stream().filter(l -> l[0].equals(name)).map(l -> l[1]).findFirst().orElse("");
    }

    /** The plain text a support request can paste. */
    public String text() {
        int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
        StringBuilder out = new StringBuilder("ALOR Studio doctor\n");
        for (String[] l : lines) out.append(String.format("  %-" + width + "s  %s%n", l[0], l[1]));
        if (problems.isEmpty()) out.append("No problems found.\n");
        for (String p : problems) out.append("PROBLEM: ").append(p).append('\n');
        return out.toString();
    }
}
