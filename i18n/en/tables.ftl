### Tables printed for people (-f table). CSV, JSON and xlsx keep the codes TOTAL and unassigned for scripts.

## The total row of every report (as in CSV, since Part I).
table-total = TOTAL
## The group of cases with no member assigned.
table-unassigned = unassigned
