package io.firebreak.cli;

/** A failure the CLI reports on standard error with its own exit code. */
final class CliException extends RuntimeException {

    static final int API_ERROR = 1;
    static final int CONFIGURATION = 2;
    static final int UNREACHABLE = 3;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
