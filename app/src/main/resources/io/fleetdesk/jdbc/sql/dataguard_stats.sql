-- V$DATAGUARD_STATS: apply and transport lag. Empty on a primary: run it on the standby.
-- VALUE is an interval as text ('+00 00:00:05'); it is parsed in Java (H2 and Oracle agree on text).
SELECT NAME, VALUE, TIME_COMPUTED
  FROM V$DATAGUARD_STATS
 WHERE NAME IN ('apply lag', 'transport lag')
