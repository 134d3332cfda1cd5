package org.alor.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches images by URL for corpora that hold only URLs: bounded concurrency, per-host limits and a minimum delay
 * between requests to one host, connect/read timeouts, retries with exponential back-off on 5xx/429/timeouts
 * (never on other 4xx), a maximum body size, and {@link ImageSaver}'s checks. Resumable: items recorded as ok
 * whose file still exists, and items with a definite failure (404, not an image...), are not fetched again.
 */
public final class ImageDownloader {
    /** One image to fetch; {@code targetBase} is the file path without extension. */
    public record Item(String id, String url, Path targetBase) {
    }

    /** Called after each item. */
    public interface Listener {
        void done(Item item, ItemStatus status);
    }

    private final DownloadOptions options;
    private final ImageSaver saver;
    private final HttpClient client;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    public ImageDownloader(DownloadOptions options, ImageSaver saver) {
        this.options = options;
        this.saver = saver;
        this.client = HttpClient.newBuilder().connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private final class Host {
        final Semaphore slots = new Semaphore(options.perHost(), true);
        long nextStart;

        void acquire() throws InterruptedException {
            slots.acquire();
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                long start = Math.max(now, nextStart);
                nextStart = start + options.minDelayPerHost().toNanos();
                wait = start - now;
            }
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Downloads the items (in parallel); returns each item's status in input order. */
    public Map<String, ItemStatus> download(List<Item> items, DownloadLog log, Listener listener) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.concurrency()), r -> {
            Thread t = new Thread(r, "image-download");
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "download-watchdog");
            t.setDaemon(true);
            return t;
        });
        Map<String, ItemStatus> out = new LinkedHashMap<>();
        try {
            List<Future<ItemStatus>> futures = new ArrayList<>();
            for (Item item : items) futures.add(pool.submit(() -> fetchLogged(item, log, listener, watchdog)));
            for (int i = 0; i < items.size(); i++) {
                try {
                    out.put(items.get(i).id(), futures.get(i).get());
                } catch (ExecutionException e) {
                    out.put(items.get(i).id(), ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, String.valueOf(e.getCause())));
                }
            }
        } finally {
            pool.shutdownNow();
            watchdog.shutdownNow();
        }
        return out;
    }

    private ItemStatus fetchLogged(Item item, DownloadLog log, Listener listener, ScheduledExecutorService watchdog)
            throws IOException, InterruptedException {
        var previous = log.get(item.id());
        if (previous.isPresent()) {
            DownloadLog.Entry e = previous.get();
            if (e.status().ok() && e.image() != null && Files.isRegularFile(e.image().file())) return e.status();
            if (!e.status().ok() && !e.status().transientFailure()) return e.status();
        }
        SavedImage[] saved = new SavedImage[1];
        ItemStatus status = fetch(item, watchdog, saved);
        log.record(new DownloadLog.Entry(item.id(), item.url(), status, saved[0]));
        if (listener != null) listener.done(item, status);
        return status;
    }

    ItemStatus fetch(Item item, ScheduledExecutorService watchdog, SavedImage[] saved) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(item.url());
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, "not an http(s) URL");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            return ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, "bad URL");
        }
        Host host = hosts.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), h -> new Host());
        ItemStatus status = null;
        for (int attempt = 0; attempt <= options.retries(); attempt++) {
            if (attempt > 0) Thread.sleep(options.backoff().toMillis() << (attempt - 1));
            host.acquire();
            byte[] body;
            try {
                body = get(uri, watchdog);
            } catch (StatusException e) {
                status = e.status;
                if (status.transientFailure()) continue;
                return status;
            } finally {
                host.slots.release();
            }
            try {
                saved[0] = saver.save(body, item.targetBase());
                return ItemStatus.OK;
            } catch (RejectedImageException e) {
                return e.status();
            } catch (IOException e) {
                return ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, "cannot write " + item.targetBase() + ": " + e.getMessage());
            }
        }
        return status;
    }

    private static final class StatusException extends Exception {
        final ItemStatus status;

        StatusException(ItemStatus status) {
            super(status.label(), null, false, false);
            this.status = status;
        }
    }

    private byte[] get(URI uri, ScheduledExecutorService watchdog) throws StatusException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(options.readTimeout())
                .header("User-Agent", "ALOR-Studio/0.1 (retrieval; respectful crawler)").GET().build();
        HttpResponse<InputStream> resp;
        try {
            resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new StatusException(ItemStatus.of(ItemStatus.Kind.TIMEOUT, e.getMessage()));
        } catch (IOException e) {
            throw new StatusException(ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, String.valueOf(e.getMessage())));
        }
        try (InputStream in = resp.body()) {
            if (resp.statusCode() != 200) throw new StatusException(ItemStatus.http(resp.statusCode()));
            long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > options.maxBytes()) {
                throw new StatusException(ItemStatus.of(ItemStatus.Kind.TOO_LARGE, declared + " bytes"));
            }
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> dog = watchdog.schedule(() -> {
                timedOut.set(true);
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing only aborts the read
                }
            }, options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            try {
                byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, options.maxBytes() + 1));
                if (timedOut.get()) throw new StatusException(ItemStatus.of(ItemStatus.Kind.TIMEOUT, "body too slow"));
                if (body.length > options.maxBytes()) {
                    throw new StatusException(ItemStatus.of(ItemStatus.Kind.TOO_LARGE, "more than " + options.maxBytes() + " bytes"));
                }
                return body;
            } catch (IOException e) {
                if (timedOut.get()) throw new StatusException(ItemStatus.of(ItemStatus.Kind.TIMEOUT, "body too slow"));
                throw new StatusException(ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, "body cut short: " + e.getMessage()));
            } finally {
                dog.cancel(false);
            }
        } catch (IOException e) {
            throw new StatusException(ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, String.valueOf(e.getMessage())));
        }
    }
}
