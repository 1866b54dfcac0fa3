-- DBA_HIST_SNAPSHOT: the latest AWR snapshot. Needs the Diagnostics Pack licence: only run when the
-- setting that says so is on (off by default).
SELECT MAX(SNAP_ID) AS SNAP_ID, MAX(END_INTERVAL_TIME) AS END_INTERVAL_TIME
  FROM DBA_HIST_SNAPSHOT
