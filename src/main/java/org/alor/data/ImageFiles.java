package org.alor.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/** Which file names count as images: every suffix an installed ImageIO reader knows, plus WebP. */
public final class ImageFiles {
    /** Suffixes of the formats ALOR expects; WebP is listed even without a reader so it is reported, not ignored. */
    private static final Set<String> EXPECTED = Set.of("jpg", "jpeg", "png", "bmp", "webp");
    private static final Set<String> SUFFIXES = readableSuffixes();

    private ImageFiles() {
    }

    private static Set<String> readableSuffixes() {
        Set<String> s = new TreeSet<>(EXPECTED);
        for (String suffix : ImageIO.getReaderFileSuffixes()) {
            if (!suffix.isBlank() && !suffix.equalsIgnoreCase("wbmp")) s.add(suffix.toLowerCase(Locale.ROOT));
        }
        return s;
    }

    /** True when the name has an image suffix (case-insensitive). */
    public static boolean isImageName(String fileName) {
        return SUFFIXES.contains(suffix(fileName));
    }

    public static boolean isImage(Path file) {
        return isImageName(file.getFileName().toString());
    }

    /** True when this Java runtime can decode files with the name's suffix (WebP needs a plugin such as TwelveMonkeys). */
    public static boolean isDecodable(String fileName) {
        return ImageIO.getImageReadersBySuffix(suffix(fileName)).hasNext();
    }

    /** Hidden files (".DS_Store", "._x.jpg") are skipped silently. */
    public static boolean isHidden(Path file) {
        return file.getFileName().toString().startsWith(".");
    }

    static String suffix(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
