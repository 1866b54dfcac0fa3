-- V$LOG and V$STANDBY_LOG: one row per online or standby redo log group. Data Guard wants, on both
-- sides, at least one more standby group per thread than online groups, each as big as the online
-- logs: without them the standby cannot apply in real time and falls back to archived logs.
-- A standby group with THREAD# 0 is not yet assigned and serves any thread.
SELECT 'ONLINE' AS LOG_KIND, THREAD#, GROUP#, BYTES FROM V$LOG
UNION ALL
SELECT 'STANDBY' AS LOG_KIND, THREAD#, GROUP#, BYTES FROM V$STANDBY_LOG
ORDER BY 1, 2, 3
