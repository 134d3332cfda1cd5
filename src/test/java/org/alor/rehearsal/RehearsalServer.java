package org.alor.rehearsal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.alor.synth.SceneRenderer;
import org.alor.synth.Species;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Serves {@code /i/<id>.jpg} for the caption table's URLs with LAION-like faults decided by the id: 404, slow
 * (2 s), slower than the downloader's 20 s read timeout, truncated bodies, oversized bodies (declared and
 * undeclared), redirects, 503s, tiny images and HTML instead of an image; the rest are JPEGs of 160 to 640 px
 * rendered once at start. It listens on every address so that 127.0.x.y all reach it (the table spreads URLs over
 * 512 loopback hosts, as the downloader is polite per host) but answers loopback peers only.
 */
public final class RehearsalServer implements AutoCloseable {
    public enum Fault { NONE, NOT_FOUND, SLOW, TIMEOUT, TRUNCATED, TOO_LARGE_DECLARED, TOO_LARGE_STREAMED, REDIRECT,
        UNAVAILABLE, TINY, NOT_AN_IMAGE }

    private static final int VARIANTS = 96;
    private final HttpServer server;
    private final byte[][] images = new byte[VARIANTS][];
    private final byte[] tiny;
    /** Requests served per fault, for the log. */
    public final AtomicLongArray served = new AtomicLongArray(Fault.values().length);

    public RehearsalServer(int port, List<Species> species, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int v = 0; v < VARIANTS; v++) {
            int size = 160 + rnd.nextInt(481);
            images[v] = RehearsalDataset.jpegBytes(SceneRenderer.bird(species.get(v % species.size()), seed + v, size,
                    SceneRenderer.Domain.WEB));
        }
        tiny = RehearsalDataset.jpegBytes(SceneRenderer.bird(species.get(0), seed, 48, SceneRenderer.Domain.WEB));
        server = HttpServer.create(new InetSocketAddress(port), 256);
        server.setExecutor(Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "rehearsal-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/i/", this::handle);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void start() {
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The fault of an image id: about 80% are served fine. */
    public static Fault fault(long id) {
        long h = mix(id) % 1000;
        if (h < 40) return Fault.NOT_FOUND;
        if (h < 60) return Fault.SLOW;
        if (h < 63) return Fault.TIMEOUT;
        if (h < 83) return Fault.TRUNCATED;
        if (h < 88) return Fault.TOO_LARGE_DECLARED;
        if (h < 90) return Fault.TOO_LARGE_STREAMED;
        if (h < 130) return Fault.REDIRECT;
        if (h < 140) return Fault.UNAVAILABLE;
        if (h < 160) return Fault.TINY;
        if (h < 180) return Fault.NOT_AN_IMAGE;
        return Fault.NONE;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return (z ^ (z >>> 33)) & Long.MAX_VALUE;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
                ex.sendResponseHeaders(403, -1);
                return;
            }
            String path = ex.getRequestURI().getPath();
            long id;
            try {
                id = Long.parseLong(path.substring(3, path.length() - 4));
            } catch (RuntimeException e) {
                ex.sendResponseHeaders(400, -1);
                return;
            }
            boolean redirected = "r=1".equals(ex.getRequestURI().getQuery());
            Fault f = redirected ? Fault.NONE : fault(id);
            served.incrementAndGet(f.ordinal());
            byte[] img = images[(int) (mix(id + 1) % VARIANTS)];
            switch (f) {
                case NOT_FOUND -> ex.sendResponseHeaders(404, -1);
                case UNAVAILABLE -> ex.sendResponseHeaders(503, -1);
                case REDIRECT -> {
                    ex.getResponseHeaders().add("Location", path + "?r=1");
                    ex.sendResponseHeaders(302, -1);
                }
                case SLOW -> {
                    sleep(2000);
                    send(ex, img, img.length);
                }
                case TIMEOUT -> {
                    sleep(25_000);
                    send(ex, img, img.length);
                }
                case TRUNCATED -> {
                    ex.getResponseHeaders().add("Content-Type", "image/jpeg");
                    ex.sendResponseHeaders(200, img.length);
                    ex.getResponseBody().write(img, 0, img.length / 2);
                    // closing now leaves the declared length unmet: the client sees the body cut short
                }
                case TOO_LARGE_DECLARED -> {
                    ex.getResponseHeaders().add("Content-Type", "image/jpeg");
                    ex.sendResponseHeaders(200, 30L << 20);
                    ex.getResponseBody().write(img);
                }
                case TOO_LARGE_STREAMED -> {
                    ex.getResponseHeaders().add("Content-Type", "image/jpeg");
                    ex.sendResponseHeaders(200, 0); // chunked, no length
                    OutputStream out = ex.getResponseBody();
                    out.write(img);
                    byte[] pad = new byte[1 << 16];
                    for (long sent = img.length; sent <= (21L << 20); sent += pad.length) out.write(pad);
                }
                case TINY -> send(ex, tiny, tiny.length);
                case NOT_AN_IMAGE -> {
                    byte[] html = "<html><body>Image removed</body></html>".getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("Content-Type", "text/html");
                    ex.sendResponseHeaders(200, html.length);
                    ex.getResponseBody().write(html);
                }
                case NONE -> send(ex, img, img.length);
            }
        } catch (IOException e) {
            // the client gave up (timeout, too large): nothing to answer
        }
    }

    private static void send(HttpExchange ex, byte[] body, int length) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "image/jpeg");
        ex.sendResponseHeaders(200, length);
        ex.getResponseBody().write(body, 0, length);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
