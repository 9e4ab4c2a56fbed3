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
## audit verify --head with something that is not SEQ:HASH ($typed).
audit-not-a-head = '{ $typed }' is not a head: give SEQ:HASH as `mh51 audit head` prints it (a row number, a colon, 64 hexadecimal digits)
## The audit chain breaks at row $seq; $what says how.
audit-chain-broken = audit chain broken at row { $seq }: { $what }
## The data rows against the ledger: $n problems, listed one per line ($list).
audit-data-do-not-match = the data do not match the audit log ({ $n } problem(s)):
    { $list }
## The head given ($seq:$hash) is still the ledger's head at that row.
audit-head-held = the log still holds head { $seq }:{ $hash }, and everything after it chains to it
## The hash given is audit row $seq's own hash.
audit-row-held = the log still holds audit row { $seq } with hash { $hash } (an audit row's own hash: it proves the log; `mh51 audit head` gives one that proves the data too)
## The head's row $seq is past the log's end ($last).
audit-head-row-gone = audit row { $seq } of head { $seq }:{ $hash } is not in the log (it ends at row { $last }): the log was cut or rewritten since the head was taken
## Row $seq's hash is now $now, not $hash.
audit-head-rewritten = audit row { $seq } no longer holds head { $seq }:{ $hash }: the log or the data were rewritten since the head was taken (the row's hash is now { $now })
## audit verify passed: $n rows of the chain.
audit-chain-intact = audit chain intact: { $n } rows verified
## audit verify passed: $proved rows in $tables tables against the ledger.
audit-data-match = the data match the audit log: { $proved } rows in { $tables } tables proved
## show's timeline: a support's amount (after the detail).
timeline-amount = { NUM($amount) } đ
## show's timeline: a voided contact or support, on day $on, because $why.
timeline-voided = — VOIDED on { $on }: { $why }
