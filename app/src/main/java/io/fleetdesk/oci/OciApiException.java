package io.fleetdesk.oci;

import io.fleetdesk.model.Notice;

/**
 * A call to the OCI API that did not succeed, with what the DBA needs to act on it: the HTTP
 * status (0 when no answer came), the service's error code, the {@code opc-request-id} to quote to
 * Oracle Support, and whether trying again later can help.
 */
public final class OciApiException extends RuntimeException {
    private final int status;
    private final String serviceCode;
    private final String opcRequestId;
    private final boolean timeout;
    /** The host name that did not resolve, when that is why no answer came; null otherwise. */
    private final String unknownHost;

    public OciApiException(int status, String serviceCode, String message, String opcRequestId, boolean timeout,
                           Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serviceCode = serviceCode;
        this.opcRequestId = opcRequestId;
        this.timeout = timeout;
        this.unknownHost = unknownHost(cause);
    }

    /** The same, for a failure of the SDK: an unknown host is found in its causes. */
    public static OciApiException of(int status, String serviceCode, String message, String opcRequestId, boolean timeout,
                                     Throwable cause) {
        return new OciApiException(status, serviceCode, message, opcRequestId, timeout, cause);
    }

    private static String unknownHost(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof java.net.UnknownHostException u) {
                return u.getMessage() == null ? "?" : u.getMessage().split(":")[0].trim();
            }
        }
        return null;
    }

    /** The host name that did not resolve (a typo in an endpoint, DNS, a VPN that is down), or null. */
    public String unknownHost() {
        return unknownHost;
    }

    public int status() {
        return status;
    }

    public String serviceCode() {
        return serviceCode;
    }

    public String opcRequestId() {
        return opcRequestId;
    }

    public boolean isTimeout() {
        return timeout;
    }

    public boolean isThrottled() {
        return status == 429;
    }

    /** 429, 5xx, a timeout or no answer at all: another try later may work. 4xx other than 429 will not. */
    public boolean isRetryable() {
        return status == 429 || status >= 500 || ((status <= 0 || timeout) && unknownHost == null);
    }

    /**
     * 401, 403 or 404 for one call: the service refused it, which for a list call in one compartment
     * means the user's policy does not allow that kind there (the service says 404 NotAuthorizedOrNotFound
     * rather than tell). Trying again will not help; a policy statement will.
     */
    public boolean isRefused() {
        return !timeout && (status == 401 || status == 403 || status == 404);
    }

    /**
     * What happened and what to check, as a notice ({@code oci.error.*} keys) the UI words: the status
     * bar, a stale reason, a dialog. The service's own message is passed on as it came (Oracle's words).
     */
    public Notice notice() {
        Notice what;
        if (unknownHost != null) {
            what = Notice.of("oci.error.unknownHost", unknownHost);
        } else if (timeout) {
            what = Notice.of("oci.error.timeout");
        } else if (status <= 0) {
            what = Notice.of("oci.error.unreachable", String.valueOf(getMessage()));
        } else if (status == 401) {
            what = Notice.of("oci.error.notAuthenticated");
        } else if (status == 404) {
            what = Notice.of("oci.error.notFound", serviceCode);
        } else if (status == 429) {
            what = Notice.of("oci.error.throttled");
        } else if (status >= 500) {
            what = Notice.of("oci.error.serviceProblem", status, serviceCode);
        } else {
            what = Notice.of("oci.error.other", status, serviceCode, String.valueOf(getMessage()));
        }
        return opcRequestId == null ? what : Notice.of("oci.error.withRequestId", what, opcRequestId);
    }

    /** The same in English, for the log (never shown to the DBA: the UI words {@link #notice()}). */
    public String logLine() {
        String what = unknownHost != null ? "unknown host " + unknownHost
                : timeout ? "timed out"
                : status <= 0 ? "no answer: " + getMessage()
                : status + " " + serviceCode + ": " + getMessage();
        return opcRequestId == null ? what : what + " (opc-request-id " + opcRequestId + ")";
    }
}
