package io.fleetdesk.oci;

import com.oracle.bmc.database.model.DatabaseSummary;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A lifecycle state newer than the SDK must not vanish from the tree. */
class UnknownStateTest {
    @Test
    void aStateTheSdkDoesNotKnowShowsAsUnknownNotAsNothing() {
        assertEquals("UNKNOWN", SdkRegionApi.state(DatabaseSummary.LifecycleState.UnknownEnumValue));
        assertEquals("BACKUP_IN_PROGRESS", SdkRegionApi.state(DatabaseSummary.LifecycleState.BackupInProgress));
        assertNull(SdkRegionApi.state(null));
    }
}
