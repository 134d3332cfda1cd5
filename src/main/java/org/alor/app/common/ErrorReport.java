package org.alor.app.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.Set;

/** A failure to show the user: what was being done, the cause in words, and the details to copy. */
public record ErrorReport(String title, String message, String details) {
    public static ErrorReport of(String title, Throwable cause) {
        return new ErrorReport(title, causeChain(cause), stackTrace(cause));
    }

    /** The distinct messages of the cause chain, outermost first ("a: b: c"). */
    public static String causeChain(Throwable t) {
        Set<String> parts = new LinkedHashSet<>();
        for (Throwable c = t; c != null && parts.size() < 6; c = c.getCause()) {
            String m = c.getMessage();
            parts.add(m == null || m.isBlank() ? c.getClass().getSimpleName() : m);
            if (c.getCause() == c) break;
        }
        return String.join(": ", parts);
    }

    private static String stackTrace(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }
}
