package io.fleetdesk.ui.switchover;

import io.fleetdesk.ops.DataGuardPrechecks.Check;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.switchover.DataGuardWizardModel.Page;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.function.Supplier;

/**
 * When the wizard's Next may be pressed, and why not: the pre-checks ran, none failed, the warnings
 * were acknowledged; the primary's DB name typed (in any case), the password given, and for a
 * failover the possible data loss accepted. Bindings over the model's properties, so the button and
 * the reason beside it follow every change.
 */
final class WizardPageRules {
    private final StringBinding reason;
    private final BooleanBinding allowed;

    WizardPageRules(Kind kind, ObjectProperty<Page> page, BooleanProperty checking, ObservableList<Check> checks,
                    BooleanBinding blocked, BooleanBinding hasWarnings, BooleanProperty acknowledged,
                    StringProperty typedName, BooleanProperty passwordGiven, BooleanProperty lossAccepted,
                    Supplier<String> confirmName) {
        reason = Bindings.createStringBinding(() -> switch (page.get()) {
            case PAIR -> null;
            case PRECHECKS -> checking.get() ? Messages.get("dg.next.checking")
                    : checks.isEmpty() ? Messages.get("dg.next.notChecked")
                    : blocked.get() ? Messages.get("dg.next.blocked")
                    : hasWarnings.get() && !acknowledged.get() ? Messages.get("dg.next.acknowledge") : null;
            case CONFIRM -> !typedName.get().trim().equalsIgnoreCase(confirmName.get())
                    ? Messages.get("dg.next.typeName", confirmName.get())
                    : !passwordGiven.get() ? Messages.get("dg.next.password")
                    : kind == Kind.FAILOVER && !lossAccepted.get() ? Messages.get("dg.next.acceptLoss") : null;
            case EXECUTE, VERIFY -> "";
        }, page, checking, checks, blocked, hasWarnings, acknowledged, typedName, passwordGiven, lossAccepted);
        allowed = Bindings.createBooleanBinding(() -> reason.get() == null, reason);
    }

    StringBinding nextBlockedReason() {
        return reason;
    }

    BooleanBinding nextAllowed() {
        return allowed;
    }
}
