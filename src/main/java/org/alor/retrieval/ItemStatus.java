package org.alor.retrieval;

/**
 * The outcome of obtaining one retrieved image.
 *
 * @param httpCode the HTTP status for {@link Kind#HTTP_ERROR}, else 0
 */
public record ItemStatus(Kind kind, int httpCode, String detail) {
    public enum Kind { OK, HTTP_ERROR, TIMEOUT, NETWORK_ERROR, NOT_AN_IMAGE, TOO_SMALL, TOO_LARGE }

    public static final ItemStatus OK = new ItemStatus(Kind.OK, 0, "");

    public static ItemStatus of(Kind kind, String detail) {
        return new ItemStatus(kind, 0, detail);
    }

    public static ItemStatus http(int code) {
        return new ItemStatus(Kind.HTTP_ERROR, code, "HTTP " + code);
    }

    public boolean ok() {
        return kind == Kind.OK;
    }

    /** Failures worth another try later (server trouble, network), as opposed to a definite answer. */
    public boolean transientFailure() {
        return kind == Kind.TIMEOUT || kind == Kind.NETWORK_ERROR || (kind == Kind.HTTP_ERROR && (httpCode >= 500 || httpCode == 429));
    }

    /** "ok", "http error 404", "timeout", "not an image", "too small", "too large", "network error". */
    public String label() {
        return switch (kind) {
            case OK -> "ok";
            case HTTP_ERROR -> "http error " + httpCode;
            case TIMEOUT -> "timeout";
            case NETWORK_ERROR -> "network error";
            case NOT_AN_IMAGE -> "not an image";
            case TOO_SMALL -> "too small";
            case TOO_LARGE -> "too large";
        };
    }
}
