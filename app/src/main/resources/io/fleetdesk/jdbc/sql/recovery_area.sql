-- V$RECOVERY_FILE_DEST: the fast recovery area's size and use, in bytes (percent computed in Java).
SELECT NAME, SPACE_LIMIT, SPACE_USED, SPACE_RECLAIMABLE, NUMBER_OF_FILES
  FROM V$RECOVERY_FILE_DEST
