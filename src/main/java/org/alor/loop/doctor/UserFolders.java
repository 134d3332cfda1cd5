package org.alor.loop.doctor;

import java.nio.file.Path;
import java.util.Map;

/** Where ALOR Studio keeps its things for this user: data folder, DJL's cache, the log file. */
public record UserFolders(Path dataDir, Path djlCache, Path logFile) {

    public static UserFolders current() {
        return of(System.getenv(), System.getProperties());
    }

    static UserFolders of(Map<String, String> env, java.util.Properties props) {
        String home = props.getProperty("user.home", ".");
        String dataProp = props.getProperty("alor.dataDir");
        String xdg = env.get("XDG_DATA_HOME");
        Path data = dataProp != null ? Path.of(dataProp)
                : (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("alor-studio");
        String cache = props.getProperty("DJL_CACHE_DIR", env.get("DJL_CACHE_DIR"));
        Path djl = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(home, ".djl.ai");
        // the same folder as logback.xml's LOG_DIR
        String logDir = env.get("ALOR_LOG_DIR");
        Path logs = logDir != null && !logDir.isBlank() ? Path.of(logDir) : Path.of(home, ".local", "share", "alor-studio", "logs");
        return new UserFolders(data, djl, logs.resolve("alor.log"));
    }
}
