### Opening a register: what is said when there is none.

## $path: the file as typed (or the default); $folder: the folder looked in.
db-missing = database '{ $path }' does not exist (looked in { $folder }); name another with --db PATH or the MH51_DB variable, or create one with `mh51 init --db { $path }` (or try `mh51 demo`)

### Messages about the register as a whole.
## The audit head (SPEC §16): none, and what `backup` and `audit head` say of it.
audit-no-head = the register has no ledger, so it has no head: run mh51 check
audit-head-said = audit head: { $head } (write it down: `mh51 audit verify --head { $head }` proves later that nothing before it was rewritten)
## An anonymisation whose scrub was interrupted; $day: its "released before" date.
anonymise-unfinished = warning: an anonymisation (released before { $day }) is unfinished: old values may still be readable in '{ $path }' or its -wal; finish it with `mh51 anonymise --finish` when no other command is using the register
## -f xlsx on a command that is not a report.
xlsx-reports-only = -f xlsx is only for reports (`mh51 report … -f xlsx -o FILE`); use table, csv or json here
## `mh51 settings KEY` without a value.
settings-no-value = give a value for '{ $key }', e.g. `mh51 settings { $key } "…"` (or `mh51 settings` to list them)
