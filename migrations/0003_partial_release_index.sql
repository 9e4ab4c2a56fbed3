-- mh51 migration 3: the release-date index holds released cases only.
--
-- Every open case had a NULL entry in `cases_released`, which no query ever looks up (reports
-- read it with `released_on BETWEEN …`, which implies NOT NULL), yet every enrollment paid
-- for inserting it: about a twentieth of an import's time. Never edit this file.
DROP INDEX cases_released;
CREATE INDEX cases_released ON cases (released_on) WHERE released_on IS NOT NULL;
