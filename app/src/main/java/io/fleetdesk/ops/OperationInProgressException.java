package io.fleetdesk.ops;

import io.fleetdesk.model.Notice;

/** Thrown when a database of the pair already has an operation open. */
public final class OperationInProgressException extends RuntimeException {
    private final transient Notice notice;

    OperationInProgressException(Notice notice) {
        super(notice.key() + " " + notice.args());
        this.notice = notice;
    }

    public Notice notice() {
        return notice;
    }
}
