package org.alor.retrieval;

/** An image that cannot be kept (not an image, too small, too large), with its status. */
public final class RejectedImageException extends Exception {
    private final ItemStatus status;

    public RejectedImageException(ItemStatus status) {
        super(status.label() + (status.detail().isEmpty() ? "" : ": " + status.detail()));
        this.status = status;
    }

    public ItemStatus status() {
        return status;
    }
}
