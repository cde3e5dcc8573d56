package org.resolve.report;

/** A results folder that cannot be reported on (missing, empty, unreadable): one line for the user. */
public final class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the line to show */
    public ReportException(String message) {
        super(message);
    }

    /**
     * @param message the line to show
     * @param cause the underlying error
     */
    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
