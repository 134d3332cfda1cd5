package org.alor.rehearsal;

import org.alor.retrieval.DownloadLog;
import org.alor.retrieval.DownloadOptions;
import org.alor.retrieval.ImageDownloader;
import org.alor.retrieval.ImageSaver;
import org.alor.retrieval.ItemStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The downloader alone on the rehearsal server's URLs {@code first .. first+n-1} (the same fault mix and host
 * spread as the caption table), into a fresh folder: items per second and statuses, to compare downloader
 * versions on identical input.
 */
public final class DownloadBench {
    private DownloadBench() {
    }

    /** @param hotPercent share of the URLs on one host (127.0.9.9), like LAION's image CDNs; 0 for an even spread */
    public static void run(Path dir, int port, long first, int n, int hotPercent) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<ImageDownloader.Item> items = new ArrayList<>();
        for (long id = first; id < first + n; id++) {
            long h = RehearsalServer.mix(id + 7);
            String host = h % 100 < hotPercent ? "127.0.9.9" : "127.0." + (2 + (h >> 8) % 2) + "." + ((h >> 12) % 256);
            String url = "http://" + host + ":" + port + "/i/" + id + ".jpg";
            items.add(new ImageDownloader.Item("i" + id, url, dir.resolve("img").resolve(Long.toString(id))));
        }
        ImageDownloader dl = new ImageDownloader(DownloadOptions.defaults(), new ImageSaver(85, 256));
        long t0 = System.nanoTime();
        Map<String, ItemStatus> st;
        try (DownloadLog log = new DownloadLog(dir.resolve("downloads.jsonl"))) {
            st = dl.download(items, log, null);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        Map<ItemStatus.Kind, Integer> kinds = new TreeMap<>();
        for (ItemStatus x : st.values()) kinds.merge(x.kind(), 1, Integer::sum);
        System.out.printf(Locale.ROOT, "download-bench (%d%% on one host): %d items in %.1f s = %.1f items/s; %s%n", hotPercent, n, s, n / s, kinds);
    }
}
