package org.alor.retrieval;

import java.time.Duration;

/**
 * Politeness and safety limits of the downloader.
 *
 * @param concurrency     downloads in flight overall
 * @param perHost         downloads in flight per host
 * @param minDelayPerHost minimum time between two request starts to the same host
 * @param connectTimeout  TCP/TLS connect timeout
 * @param readTimeout     time allowed for the response headers, and again for the whole body
 * @param retries         extra attempts after a 5xx, 429, timeout or connection error (never after other 4xx)
 * @param backoff         first retry delay; doubled for each further retry
 * @param maxBytes        larger bodies are refused ("too large")
 */
public record DownloadOptions(int concurrency, int perHost, Duration minDelayPerHost, Duration connectTimeout,
                              Duration readTimeout, int retries, Duration backoff, long maxBytes) {
    public static DownloadOptions defaults() {
        return new DownloadOptions(16, 2, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(20),
                3, Duration.ofMillis(500), 20L << 20);
    }
}
