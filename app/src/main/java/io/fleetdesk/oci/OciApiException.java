package io.fleetdesk.oci;

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

    /** One line for the status bar and the stale reason: what happened, and what to check. */
    public String userMessage() {
        String what;
        if (unknownHost != null) {
            what = "the host name " + unknownHost + " is unknown: check the profile's fleetdesk_endpoint (or"
                    + " fleetdesk_identity_endpoint, fleetdesk_workrequests_endpoint) and region, and the network's DNS,"
                    + " VPN or proxy";
        } else if (timeout) {
            what = "no answer in time (timed out)";
        } else if (status <= 0) {
            what = "could not reach the service: " + getMessage();
        } else if (status == 401) {
            what = "401 NotAuthenticated: the API key was refused. Check the profile's user, fingerprint and key_file"
                    + " match a key uploaded to that user";
        } else if (status == 404) {
            what = "404 " + serviceCode + ": not found, or this user's policies do not allow it";
        } else if (status == 429) {
            what = "429 TooManyRequests: throttled by the service; Fleetdesk slows down and retries";
        } else if (status >= 500) {
            what = status + " " + serviceCode + ": the service had a problem; Fleetdesk retries";
        } else {
            what = status + " " + serviceCode + ": " + getMessage();
        }
        return opcRequestId == null ? what : what + " (opc-request-id " + opcRequestId + ")";
    }
}
