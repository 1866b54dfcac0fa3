-- V$SGA and V$PGASTAT: SGA in bytes, PGA allocated and its target.
SELECT 'SGA' AS AREA, SUM(VALUE) AS BYTES FROM V$SGA
UNION ALL
SELECT NAME, VALUE FROM V$PGASTAT WHERE NAME IN ('total PGA allocated', 'aggregate PGA target parameter')
