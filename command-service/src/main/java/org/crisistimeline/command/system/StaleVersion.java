package org.crisistimeline.command.system;

/** A change was made against a version that is no longer current; answered with 409 and the current version. */
public class StaleVersion extends RuntimeException {

    private final long currentVersion;

    public StaleVersion(long expectedVersion, long currentVersion) {
        super("Expected version %d, but the current version is %d; read it again and retry"
                .formatted(expectedVersion, currentVersion));
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
