package io.fleetdesk.oci;

import io.fleetdesk.model.Notice;

/**
 * A profile that cannot be used, with what is wrong and what to do as a notice ({@code profile.problem.*})
 * the UI words. The exception's own message is the notice in short, for the log.
 */
public final class ProfileException extends Exception {
    private final String profile;
    private final transient Notice notice;

    public ProfileException(String profile, Notice notice) {
        this(profile, notice, null);
    }

    public ProfileException(String profile, Notice notice, Throwable cause) {
        super(notice.toString(), cause);
        this.profile = profile;
        this.notice = notice;
    }

    public String profile() {
        return profile;
    }

    public Notice notice() {
        return notice;
    }
}
