package org.resolve.cli;

/** A mistake of the user's (a bad file, a bad option): printed as one line, exit code 1, no stack trace. */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the line to print */
    public UserError(String message) {
        super(message);
    }
}
