package org.resolve.store;

/**
 * A results store that cannot be opened, read or written, with a one-line message that names the
 * file and says what to do (for example "cannot open results store runs.duckdb: locked by another
 * process (pid 4242); close that process or choose another file").
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line, naming the store and the problem */
    public StoreException(String message) {
        super(message);
    }

    /**
     * @param message one line, naming the store and the problem
     * @param cause the underlying error (kept for debugging; the message stands alone)
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
