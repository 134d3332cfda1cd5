package org.alor.app.common;

import org.alor.store.ProjectOverview;
import org.alor.store.ProjectStore;

/** The project the window shows: its store (open until another project replaces it) and its overview. */
public record OpenProject(ProjectStore store, ProjectOverview overview) {
}
