-- V$ARCHIVE_GAP: redo the standby is missing (run on the standby). No rows is healthy.
SELECT THREAD#, LOW_SEQUENCE#, HIGH_SEQUENCE#
  FROM V$ARCHIVE_GAP
