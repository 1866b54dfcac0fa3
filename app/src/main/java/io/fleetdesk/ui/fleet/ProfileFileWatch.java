package io.fleetdesk.ui.fleet;

import io.fleetdesk.app.FleetSession;
import io.fleetdesk.oci.InMemoryKeyProfiles;
import io.fleetdesk.oci.OciConfigProfiles;
import io.fleetdesk.oci.ProfileException;
import io.fleetdesk.app.Messages;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Follows the OCI config file on disk: the profile chooser lists what it holds, a good edit of the
 * open profile opens it again at once, and a broken one shows the banner while the profile keeps
 * running with what it had (the banner goes once the file is mended).
 */
final class ProfileFileWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileFileWatch.class);
    private final Path file;
    private final Supplier<FleetSession> session;
    private final ObservableList<String> profiles;
    private final Executor ui;
    private final ReadOnlyStringWrapper banner;
    private final Consumer<String> reopenProfile;
    /** The banner text about a broken edit of the open profile, so it goes away once the file is mended. */
    private String configProblem;
    /** Re-reads profiles when the file changes on disk. */
    private volatile io.fleetdesk.oci.ConfigFileWatcher watcher;

    ProfileFileWatch(Path file, Supplier<FleetSession> session, ObservableList<String> profiles, Executor ui,
                     ReadOnlyStringWrapper banner, Consumer<String> reopen) {
        this.file = file;
        this.session = session;
        this.profiles = profiles;
        this.ui = ui;
        this.banner = banner;
        this.reopenProfile = reopen;
    }

    /**
     * The OCI config file changed on disk (watcher thread): the profile list follows it; an edit of the
     * open profile is applied when it loads, and when it does not, the banner says what is wrong while
     * the profile keeps running with what it had. No restart needed.
     */
    void changed() {
        java.nio.file.Path file = this.file;
        List<String> names;
        String listProblem = null;
        try {
            names = OciConfigProfiles.profileNames(file);
        } catch (ProfileException e) {
            names = null;
            listProblem = Messages.of(e.notice());
        }
        FleetSession s = session.get();
        String active = s == null ? null : s.profile().name();
        String problem = null;
        boolean reopen = false;
        if (s != null && s.configText() != null) {
            String now = OciConfigProfiles.sectionText(file, active);
            if (names != null && !names.contains(active)) {
                problem = Messages.get("profile.removedFromFile", active, file);
            } else if (now != null && !now.equals(s.configText())) {
                try {
                    OciConfigProfiles.load(file, active);
                    reopen = true;
                } catch (ProfileException e) {
                    problem = Messages.get("profile.brokenEdit", Messages.profile(active), Messages.of(e.notice()));
                }
            }
        }
        List<String> found = names;
        String fileProblem = listProblem;
        String activeProblem = problem;
        boolean again = reopen;
        ui.execute(() -> {
            if (found != null) {
                List<String> next = new ArrayList<>();
                next.add(InMemoryKeyProfiles.DEMO_PROFILE);
                next.addAll(found);
                if (active != null && !next.contains(active)) {
                    next.add(active); // still open: it stays choosable until another is chosen
                }
                if (!next.equals(profiles)) {
                    profiles.setAll(next);
                }
            }
            if (fileProblem != null) {
                banner.set(fileProblem);
            }
            if (activeProblem != null) {
                configProblem = activeProblem;
                banner.set(activeProblem);
                LOG.warn("profile {}: the edited file cannot be used; keeping the settings it had", active);
            } else if (configProblem != null && configProblem.equals(banner.get())) {
                banner.set(null); // mended
                configProblem = null;
            }
            if (again && session.get() == s) {
                LOG.info("profile {} changed in {}: opening it again", active, file);
                banner.set(Messages.get("profile.reloaded", active));
                reopenProfile.accept(active);
            }
        });
    }

    /**
     * Lists the file's profiles into the chooser (a file that cannot be read says why in the banner),
     * then runs {@code then} on the UI thread, then starts watching the file. Blocking: a background thread.
     */
    void listThen(Runnable then) {
        List<String> names = new ArrayList<>();
        String problem = null;
        try {
            names.addAll(OciConfigProfiles.profileNames(file));
        } catch (ProfileException e) {
            problem = Messages.of(e.notice());
        }
        String p = problem;
        ui.execute(() -> {
            for (String n : names) {
                if (!profiles.contains(n)) {
                    profiles.add(n);
                }
            }
            if (p != null) {
                banner.set(p);
            }
            then.run();
        });
        watcher = new io.fleetdesk.oci.ConfigFileWatcher(file, java.time.Duration.ofSeconds(2), this::changed);
    }

    void close() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
