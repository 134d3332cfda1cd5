package org.alor.store;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import org.alor.data.ImportProblem;

import java.util.List;

/** The problems of a project's import, kept in its settings as JSON so they can be shown later. */
public final class ImportProblemLog {
    public static final String SETTING = "import_problems";
    private static final Gson GSON = new Gson();

    private ImportProblemLog() {
    }

    public static void save(Settings settings, List<ImportProblem> problems) {
        settings.set(SETTING, GSON.toJson(problems));
    }

    public static List<ImportProblem> load(Settings settings) {
        String json = settings.getString(SETTING).orElse("");
        if (json.isBlank()) return List.of();
        return GSON.fromJson(json, new TypeToken<List<ImportProblem>>() { }.getType());
    }
}
