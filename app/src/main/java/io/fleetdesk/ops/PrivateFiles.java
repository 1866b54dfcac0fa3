package io.fleetdesk.ops;

import java.nio.file.Path;

/**
 * Files only their owner may read: the audit log, the settings, the log file hold fleet names and
 * OCIDs. Folders are 0700 and files 0600 where the file system has POSIX permissions. No logger here:
 * {@code Main} uses it before logging is configured, because the log file is one of these files.
 */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    /**
     * Creates a folder (and its parents) readable by the owner only (0700) where the file system has
     * POSIX permissions; an existing folder is tightened to 0700 when it is ours.
     */
    public static void createPrivate(Path folder) throws java.io.IOException {
        if (!posix(folder)) {
            java.nio.file.Files.createDirectories(folder);
            return;
        }
        java.nio.file.Files.createDirectories(folder, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        try {
            java.nio.file.Files.setPosixFilePermissions(folder,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (java.io.IOException | SecurityException e) {
            // Not ours (a shared -Dfleetdesk.data): leave it as its owner set it.
        }
    }

    /** File attributes for a new file readable and writable by its owner only (0600), or none without POSIX. */
    public static java.nio.file.attribute.FileAttribute<?>[] ownerOnlyFile() {
        if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new java.nio.file.attribute.FileAttribute<?>[0];
        }
        return new java.nio.file.attribute.FileAttribute<?>[] {java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))};
    }

    /**
     * Forces a folder's entries to disk, so a file just created or renamed in it survives a crash. Not
     * possible on every OS (Windows cannot open a folder as a channel): then it is skipped.
     */
    public static void syncFolder(Path folder) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(folder,
                java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // Best effort where the OS does not allow it.
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
