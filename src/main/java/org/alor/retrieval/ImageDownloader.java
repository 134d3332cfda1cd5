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
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches images by URL for corpora that hold only URLs: bounded concurrency, per-host limits and a minimum delay
 * between requests to one host, connect/read timeouts, retries with exponential back-off on 5xx/429/timeouts
 * (never on other 4xx), a maximum body size, and {@link ImageSaver}'s checks. Resumable: items recorded as ok
 * whose file still exists, and items with a definite failure (404, not an image...), are not fetched again.
 * <p>
 * Items wait in per-host queues; a download thread only takes a request whose host may start one now, so a host
 * that many URLs share (an image CDN) never holds up the others, and a retry waits for its back-off in its
 * host's queue, not in a download thread.
 */
public final class ImageDownloader {
    /** One image to fetch; {@code targetBase} is the file path without extension. */
    public record Item(String id, String url, Path targetBase) {
    }

    /** Called after each item, also for those a previous run's log settles (no request made). */
    public interface Listener {
        void done(Item item, ItemStatus status);
    }

    private final DownloadOptions options;
    private final ImageSaver saver;
    private final HttpClient client;

    public ImageDownloader(DownloadOptions options, ImageSaver saver) {
        this.options = options;
        this.saver = saver;
        this.client = HttpClient.newBuilder().connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** One request to make: the item's {@code attempt}-th (0 = first). */
    private record Attempt(Item item, URI uri, Host host, int attempt) {
    }

    /** A host's waiting requests; guarded by its own lock. */
    private static final class Host {
        final ArrayDeque<Attempt> pending = new ArrayDeque<>();
        int active;
        long nextStart;
        boolean queued;
    }

    /** A host that may start a request at {@code readyAt} (System.nanoTime). */
    private record Ticket(Host host, long readyAt) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(readyAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(readyAt, ((Ticket) o).readyAt);
        }
    }

    /** The state of one {@link #download} call. */
    private final class Run {
        final DelayQueue<Ticket> ready = new DelayQueue<>();
        final Map<String, Host> hosts = new HashMap<>();
        final Map<String, ItemStatus> results = new ConcurrentHashMap<>();
        final CountDownLatch remaining;
        final DownloadLog log;
        final Listener listener;
        final ScheduledExecutorService timers;

        Run(int items, DownloadLog log, Listener listener, ScheduledExecutorService timers) {
            this.remaining = new CountDownLatch(items);
            this.log = log;
            this.listener = listener;
            this.timers = timers;
        }

        Host host(URI uri) {
            return hosts.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), h -> new Host());
        }

        void enqueue(Attempt a) {
            synchronized (a.host()) {
                a.host().pending.add(a);
                offer(a.host());
            }
        }

        /** Puts the host in the ready queue when it has work and a free slot (caller holds the host's lock). */
        private void offer(Host h) {
            if (h.queued || h.pending.isEmpty() || h.active >= options.perHost()) return;
            h.queued = true;
            ready.add(new Ticket(h, h.nextStart));
        }

        Attempt next() throws InterruptedException {
            while (true) {
                Host h = ready.take().host();
                synchronized (h) {
                    h.queued = false;
                    Attempt a = h.pending.poll();
                    if (a == null) continue;
                    h.active++;
                    h.nextStart = Math.max(System.nanoTime(), h.nextStart) + options.minDelayPerHost().toNanos();
                    offer(h);
                    return a;
                }
            }
        }

        void released(Host h) {
            synchronized (h) {
                h.active--;
                offer(h);
            }
        }

        void complete(Item item, ItemStatus status, SavedImage saved) {
            try {
                log.record(new DownloadLog.Entry(item.id(), item.url(), status, saved));
            } catch (IOException e) {
                status = ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, "cannot record " + item.id() + ": " + e.getMessage());
            }
            results.put(item.id(), status);
            if (listener != null) listener.done(item, status);
            remaining.countDown();
        }

        void work() {
            try {
                while (true) process(next());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the run is over
            }
        }

        private void process(Attempt a) throws InterruptedException {
            byte[] body = null;
            ItemStatus failure = null;
            try {
                body = get(a.uri(), timers);
            } catch (StatusException e) {
                failure = e.status;
            } catch (RuntimeException e) {
                failure = ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, String.valueOf(e));
            } finally {
                released(a.host());
            }
            if (failure != null) {
                if (failure.transientFailure() && a.attempt() < options.retries()) {
                    Attempt retry = new Attempt(a.item(), a.uri(), a.host(), a.attempt() + 1);
                    timers.schedule(() -> enqueue(retry), options.backoff().toMillis() << a.attempt(), TimeUnit.MILLISECONDS);
                } else {
                    complete(a.item(), failure, null);
                }
                return;
            }
            try {
                complete(a.item(), ItemStatus.OK, saver.save(body, a.item().targetBase()));
            } catch (RejectedImageException e) {
                complete(a.item(), e.status(), null);
            } catch (IOException e) {
                complete(a.item(), ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, "cannot write " + a.item().targetBase() + ": "
                        + e.getMessage()), null);
            } catch (RuntimeException e) {
                complete(a.item(), ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, String.valueOf(e)), null);
            }
        }
    }

    /** Downloads the items (in parallel); returns each item's status in input order. */
    public Map<String, ItemStatus> download(List<Item> items, DownloadLog log, Listener listener) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.concurrency()), r -> {
            Thread t = new Thread(r, "image-download");
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "download-watchdog");
            t.setDaemon(true);
            return t;
        });
        Run run = new Run(items.size(), log, listener, timers);
        try {
            for (Item item : items) {
                ItemStatus settled = settled(item, log);
                if (settled != null) {
                    run.results.put(item.id(), settled);
                    if (listener != null) listener.done(item, settled);
                    run.remaining.countDown();
                    continue;
                }
                URI uri = httpUri(item.url());
                if (uri == null) run.complete(item, ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, "not an http(s) URL"), null);
                else run.enqueue(new Attempt(item, uri, run.host(uri), 0));
            }
            for (int i = 0; i < Math.max(1, options.concurrency()); i++) pool.execute(run::work);
            run.remaining.await();
        } finally {
            pool.shutdownNow();
            timers.shutdownNow();
        }
        Map<String, ItemStatus> out = new LinkedHashMap<>();
        for (Item item : items) out.put(item.id(), run.results.get(item.id()));
        return out;
    }

    /** The recorded status of an item that needs no new request (saved and still on disk, or a definite failure). */
    private static ItemStatus settled(Item item, DownloadLog log) {
        var previous = log.get(item.id());
        if (previous.isEmpty()) return null;
        DownloadLog.Entry e = previous.get();
        if (e.status().ok() && e.image() != null && Files.isRegularFile(e.image().file())) return e.status();
        if (!e.status().ok() && !e.status().transientFailure()) return e.status();
        return null;
    }

    private static URI httpUri(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return null;
            }
            return uri;
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
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
