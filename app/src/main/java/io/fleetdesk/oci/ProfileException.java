package io.fleetdesk.oci;

/** A profile that cannot be used, with a message that says what is wrong and what to do. */
public final class ProfileException extends Exception {
    private final String profile;

    public ProfileException(String profile, String message) {
        super(message);
        this.profile = profile;
    }

    public ProfileException(String profile, String message, Throwable cause) {
        super(message, cause);
        this.profile = profile;
    }

    public String profile() {
        return profile;
    }
}
