package org.alor.retrieval;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** Only ever talks to a local server on 127.0.0.1. */
class ImageDownloaderTest {
    private HttpServer server;
    private ExecutorService serverThreads;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serverThreads = Executors.newFixedThreadPool(12);
        server.setExecutor(serverThreads);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring(1);
        int n = hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        order.add(path);
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            if (path.startsWith("good")) send(ex, 200, TestCorpora.png(200, 150, path.hashCode()));
            else if (path.equals("big.png")) send(ex, 200, TestCorpora.png(600, 400, 3));
            else if (path.equals("tiny.png")) send(ex, 200, TestCorpora.png(40, 40, 3));
            else if (path.equals("fake.jpg")) send(ex, 200, "<html><body>not a photo</body></html>".getBytes());
            else if (path.equals("bomb.png")) send(ex, 200, pngHeaderClaiming(30_000, 30_000));
            else if (path.equals("flaky.png")) {
                if (n <= 2) send(ex, 503, new byte[0]);
                else send(ex, 200, TestCorpora.png(100, 100, 9));
            } else if (path.equals("broken")) send(ex, 500, new byte[0]);
            else if (path.equals("slow.png")) {
                sleep(3000);
                send(ex, 200, TestCorpora.png(100, 100, 1));
            } else if (path.equals("slowbody.png")) {
                byte[] img = TestCorpora.png(100, 100, 1);
                ex.sendResponseHeaders(200, img.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(img, 0, 10);
                    o.flush();
                    sleep(3000);
                    o.write(img, 10, img.length - 10);
                } catch (IOException ignored) {
                    // client gave up
                }
            } else if (path.equals("truncated.png")) {
                byte[] img = TestCorpora.png(100, 100, 1);
                ex.sendResponseHeaders(200, img.length);
                OutputStream o = ex.getResponseBody();
                o.write(img, 0, img.length / 3);
                o.flush();
                ex.getHttpContext().getServer(); // keep the exchange open, then cut the connection
                ex.close();
            } else if (path.equals("huge.bin")) send(ex, 200, new byte[300_000]);
            else send(ex, 404, new byte[0]);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static void send(HttpExchange ex, int code, byte[] body) throws IOException {
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
        ex.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A PNG signature and a valid IHDR claiming a huge image, followed by junk: only the header is legitimate. */
    static byte[] pngHeaderClaiming(int w, int h) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bos);
        d.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.writeBytes("IHDR");
        c.writeInt(w);
        c.writeInt(h);
        c.write(new byte[]{8, 2, 0, 0, 0});
        byte[] body = chunk.toByteArray();
        d.writeInt(13);
        d.write(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        d.writeInt((int) crc.getValue());
        d.write(new byte[64]);
        return bos.toByteArray();
    }

    private DownloadOptions fast(int perHost, long delayMs) {
        return new DownloadOptions(6, perHost, Duration.ofMillis(delayMs), Duration.ofSeconds(1), Duration.ofMillis(600),
                2, Duration.ofMillis(20), 200_000);
    }

    private ImageDownloader.Item item(Path dir, String path) {
        return new ImageDownloader.Item(path, base + path, dir.resolve(path.replace('.', '_')));
    }

    @Test
    void eachFaultGetsItsStatus_andARerunFetchesOnlyWhatIsWorthIt(@TempDir Path dir) throws Exception {
        List<String> paths = List.of("good1.png", "big.png", "missing.png", "flaky.png", "broken", "slow.png", "slowbody.png",
                "truncated.png", "fake.jpg", "tiny.png", "bomb.png", "huge.bin");
        List<ImageDownloader.Item> items = new ArrayList<>();
        for (String p : paths) items.add(item(dir, p));
        ImageDownloader dl = new ImageDownloader(fast(6, 0), new ImageSaver());
        Map<String, ItemStatus> st;
        try (DownloadLog log = new DownloadLog(dir.resolve("downloads.jsonl"))) {
            st = dl.download(items, log, null);
        }
        assertThat(st.get("good1.png").label()).isEqualTo("ok");
        assertThat(st.get("big.png").label()).isEqualTo("ok");
        assertThat(st.get("missing.png").label()).isEqualTo("http error 404");
        assertThat(st.get("flaky.png").label()).isEqualTo("ok");
        assertThat(st.get("broken").label()).isEqualTo("http error 500");
        assertThat(st.get("slow.png").label()).isEqualTo("timeout");
        assertThat(st.get("slowbody.png").label()).isEqualTo("timeout");
        assertThat(st.get("truncated.png").ok()).isFalse();
        assertThat(st.get("fake.jpg").label()).isEqualTo("not an image");
        assertThat(st.get("tiny.png").label()).isEqualTo("too small");
        assertThat(st.get("bomb.png").label()).isEqualTo("too large");
        assertThat(st.get("bomb.png").detail()).contains("30000x30000");
        assertThat(st.get("huge.bin").label()).isEqualTo("too large");

        assertThat(hits.get("missing.png").get()).isEqualTo(1);          // no retry on 404
        assertThat(hits.get("flaky.png").get()).isEqualTo(3);            // two 503s, then success
        assertThat(hits.get("broken").get()).isEqualTo(3);               // 1 + 2 retries
        assertThat(hits.get("fake.jpg").get()).isEqualTo(1);

        var big = ImageIO.read(dir.resolve("big_png.jpg").toFile());
        assertThat(big.getWidth()).isEqualTo(384);
        assertThat(big.getHeight()).isEqualTo(256);
        assertThat(Files.readAllBytes(dir.resolve("good1_png.png"))).isEqualTo(TestCorpora.png(200, 150, "good1.png".hashCode()));

        hits.clear();
        try (DownloadLog log = new DownloadLog(dir.resolve("downloads.jsonl"))) {
            st = dl.download(items, log, null);
        }
        assertThat(hits).doesNotContainKeys("good1.png", "big.png", "missing.png", "flaky.png", "fake.jpg", "tiny.png", "bomb.png", "huge.bin");
        assertThat(hits).containsKeys("broken", "slow.png");
        assertThat(st.get("good1.png").ok()).isTrue();
        assertThat(st.get("missing.png").label()).isEqualTo("http error 404");
    }

    @Test
    void perHostLimitAndMinimumDelayAreRespected(@TempDir Path dir) throws Exception {
        List<ImageDownloader.Item> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) items.add(item(dir, "good" + i + ".png"));
        ImageDownloader dl = new ImageDownloader(fast(1, 80), new ImageSaver());
        long t0 = System.nanoTime();
        try (DownloadLog log = new DownloadLog(dir.resolve("d.jsonl"))) {
            assertThat(dl.download(items, log, null).values()).allMatch(ItemStatus::ok);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(maxInFlight.get()).isEqualTo(1);
        assertThat(ms).isGreaterThanOrEqualTo(5 * 80);
    }

    /** The order in which the server saw requests (path names). */
    private final List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * A host that many URLs share (LAION's image CDNs) waits between its requests; the other hosts' images must not
     * queue behind it. Before, a download thread took the next item and then waited for its host, so items of
     * another host listed after the busy host's waited for all of them (issue 19 item 4).
     */
    @Test
    void aBusyHostDoesNotHoldUpTheOtherHosts(@TempDir Path dir) throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.setExecutor(serverThreads);
        other.createContext("/", this::handle);
        other.start();
        try {
            String otherBase = "http://127.0.0.1:" + other.getAddress().getPort() + "/";
            List<ImageDownloader.Item> items = new ArrayList<>();
            for (int i = 0; i < 6; i++) items.add(item(dir, "goodA" + i + ".png"));
            for (int i = 0; i < 3; i++) {
                String p = "goodB" + i + ".png";
                items.add(new ImageDownloader.Item(p, otherBase + p, dir.resolve(p.replace('.', '_'))));
            }
            DownloadOptions opts = new DownloadOptions(2, 1, Duration.ofMillis(250), Duration.ofSeconds(1),
                    Duration.ofSeconds(5), 0, Duration.ofMillis(20), 200_000);
            try (DownloadLog log = new DownloadLog(dir.resolve("d.jsonl"))) {
                assertThat(new ImageDownloader(opts, new ImageSaver()).download(items, log, null).values()).allMatch(ItemStatus::ok);
            }
            // host A may start one request per 250 ms: the other host's three are fetched while A waits
            assertThat(order.indexOf("goodB2.png")).isLessThan(order.indexOf("goodA3.png"));
        } finally {
            other.stop(0);
        }
    }

    /** A retry's back-off must not keep a download slot idle: other items are fetched meanwhile (issue 19 item 4). */
    @Test
    void aRetryWaitingForItsBackOffLetsOtherItemsGoFirst(@TempDir Path dir) throws Exception {
        List<ImageDownloader.Item> items = new ArrayList<>();
        items.add(item(dir, "flaky.png"));
        for (int i = 0; i < 3; i++) items.add(item(dir, "good" + i + ".png"));
        DownloadOptions opts = new DownloadOptions(1, 1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5),
                3, Duration.ofMillis(400), 200_000);
        Map<String, ItemStatus> st;
        try (DownloadLog log = new DownloadLog(dir.resolve("d.jsonl"))) {
            st = new ImageDownloader(opts, new ImageSaver()).download(items, log, null);
        }
        assertThat(st.values()).allMatch(ItemStatus::ok);
        assertThat(order.subList(0, 2)).containsExactly("flaky.png", "good0.png"); // the first 503 frees the slot
        assertThat(order).hasSize(6);
    }

    /**
     * Progress on a resumed run counts the items the log already settles, so it reaches its total (the rehearsal's
     * rerun after a kill ended at 40,183/56,691; issue 19 item 4).
     */
    @Test
    void aRerunReportsTheItemsTheLogSettlesToTheListener(@TempDir Path dir) throws Exception {
        List<ImageDownloader.Item> items = List.of(item(dir, "good1.png"), item(dir, "missing.png"), item(dir, "good2.png"));
        ImageDownloader dl = new ImageDownloader(fast(6, 0), new ImageSaver());
        try (DownloadLog log = new DownloadLog(dir.resolve("d.jsonl"))) {
            dl.download(items, log, null);
        }
        List<String> reported = java.util.Collections.synchronizedList(new ArrayList<>());
        try (DownloadLog log = new DownloadLog(dir.resolve("d.jsonl"))) {
            dl.download(items, log, (item, status) -> reported.add(item.id() + " " + status.label()));
        }
        assertThat(reported).containsExactlyInAnyOrder("good1.png ok", "missing.png http error 404", "good2.png ok");
        assertThat(hits.get("good1.png").get()).isEqualTo(1);
    }

    @Test
    void headerCheckRejectsBombsBeforeDecoding() throws Exception {
        byte[] bomb = pngHeaderClaiming(20_001, 10);
        assertThat(ImageSaver.header(bomb).width()).isEqualTo(20_001);
        try {
            new ImageSaver().save(bomb, Path.of("unused"));
            throw new AssertionError("accepted a bomb");
        } catch (RejectedImageException e) {
            assertThat(e.status().kind()).isEqualTo(ItemStatus.Kind.TOO_LARGE);
        }
        try {
            new ImageSaver().save(pngHeaderClaiming(12_000, 12_000), Path.of("unused")); // 144 MP
            throw new AssertionError("accepted 144 MP");
        } catch (RejectedImageException e) {
            assertThat(e.status().kind()).isEqualTo(ItemStatus.Kind.TOO_LARGE);
        }
    }
}
