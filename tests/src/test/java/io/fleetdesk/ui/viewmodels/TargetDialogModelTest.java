package io.fleetdesk.ui.viewmodels;

import io.fleetdesk.jdbc.ConnectStrings;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.ui.targets.TargetDialogModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Add-database dialog's rules, without a screen: the model runs its checks and shows their
 * answers on the caller's thread (a same-thread executor for both the background and the UI).
 */
class TargetDialogModelTest {
    private final List<DirectTarget> saved = new ArrayList<>();
    private final List<char[]> passwords = new ArrayList<>();

    private TargetDialogModel model(DirectTarget existing) {
        return new TargetDialogModel(existing, null, List.of("Lab"), List.of(), Runnable::run, Runnable::run,
                (t, pw) -> {
                    saved.add(t);
                    passwords.add(pw.clone());
                });
    }

    @Test
    void eachMissingOrWrongFieldSaysWhatToFixAndSaveStaysOffUntilAllAreRight() {
        TargetDialogModel m = model(null);
        assertTrue(m.problemProperty().get().startsWith("Give a user name"), m.problemProperty().get());
        assertEquals(ConnectStrings.Field.USER, m.problemFieldProperty().get(), "the field to mark");
        assertTrue(m.saveDisabled().get());

        m.userProperty().set("FLEETMON");
        assertTrue(m.problemProperty().get().startsWith("Give host:port/service"), m.problemProperty().get());
        assertEquals(ConnectStrings.Field.CONNECT, m.problemFieldProperty().get());

        m.connectProperty().set("lab-db01:1521");
        assertTrue(m.problemProperty().get().contains("\"lab-db01:1521\" is not host:port/service"),
                m.problemProperty().get());

        m.connectProperty().set("lab-db01:70000/LAB");
        assertEquals("Port 70000 is not a port (1 to 65535).", m.problemProperty().get());

        m.connectProperty().set("lab-db01/LAB");
        assertFalse(m.problemProperty().get().isEmpty(), "still no name");
        assertEquals(ConnectStrings.Field.NAME, m.problemFieldProperty().get());
        assertTrue(m.saveDisabled().get());

        m.nameProperty().set("LABDB");
        assertEquals("", m.problemProperty().get());
        assertEquals(null, m.problemFieldProperty().get(), "nothing marked any more");
        assertTrue(m.resolvedProperty().get().contains("lab-db01:1521/LAB"), "the default port is shown: "
                + m.resolvedProperty().get());
        assertFalse(m.saveDisabled().get());
    }

    @Test
    void aPasswordInTheUrlIsRefusedSoItIsNeverSaved() {
        TargetDialogModel m = model(null);
        m.nameProperty().set("SALES");
        m.userProperty().set("FLEETMON");
        m.kindProperty().set(DirectTarget.ConnectKind.URL);
        m.connectProperty().set("jdbc:oracle:thin:scott/tiger@//db1:1521/SALES");
        assertTrue(m.problemProperty().get().startsWith("Leave the user name and password out of the URL"),
                m.problemProperty().get());
        assertTrue(m.saveDisabled().get());
    }

    @Test
    void savingHandsOverTheTargetAndThePasswordOnceAndEditingKeepsTheId() {
        DirectTarget existing = new DirectTarget("t1", "HR", "Lab", DirectTarget.ConnectKind.EZCONNECT, "hr-db:1521/HR",
                "", "", "FLEETMON", DirectTarget.Role.NORMAL, "");
        TargetDialogModel m = model(existing);
        assertEquals("", m.problemProperty().get(), "a saved target is valid as it was");
        assertTrue(m.editing(existing));
        m.connectProperty().set("hr-db2:1521/HR");
        m.save("s3cret".toCharArray());
        assertEquals(1, saved.size());
        assertEquals("t1", saved.getFirst().id(), "the same target, edited");
        assertEquals("hr-db2:1521/HR", saved.getFirst().connect());
        assertArrayEquals("s3cret".toCharArray(), passwords.getFirst());
    }
}
