### Sent periods (SPEC §19, "Sent periods are locked"): the lock, `period reopen`, `period list`.

## A write dated in a sent period. { $what } is one of the two texts below.
period-locked = { $what } lies in { $period } ({ $from } to { $to }), sent to the city as revision { $revision } on { $sent }: a sent period is locked; if the change is needed, reopen it first with `mh51 period reopen { $period } --reason TEXT` (its next package is then revision { $next })
period-locked-date = the date { $date }
## period reopen: refusals and what was done.
period-reason = give the reason for reopening with --reason TEXT (1 to { $max } characters; it has { $chars })
period-not-sent = period '{ $typed }' ({ $period }) has never been sent: there is nothing to reopen (`mh51 period list` shows the periods sent)
period-already-reopened = period { $period } is already reopened (revision { $revision } since { $at }): write, then send its next package with `mh51 report package`
period-reopened = period { $period } reopened: revision { $revision } is no longer locked; the next package of { $period } is revision { $next }
## report package of a period already sent.
period-figures-changed = the figures or linking tokens of { $period } are no longer those of revision { $revision } sent on { $sent }: a change dated outside the period (before it, a member's or a ward's, an identity number corrected, or another --link-key) changed them. To send them, reopen the period first: `mh51 period reopen { $period } --reason TEXT`
period-sent-again = { $period } was sent as revision { $revision } on { $sent } and nothing in it has changed: this is the same package again
period-sent = { $period } is now sent (revision { $revision }): writes dated in it are refused until `mh51 period reopen { $period } --reason TEXT`
## period list: the status column.
period-status-sent = sent
period-status-reopened = reopened
## Column headers of period list.
column-period = Period
column-sent_at = Sent at
column-reopened_at = Reopened at
column-reopen_reason = Why reopened
## Whose days a change touches (the { $what } of period-locked).
period-locked-span = { $open ->
    [yes] { $who }, from { $from } on,
   *[no] { $who }, from { $from } to { $to },
}
period-who-case = case { $case }
period-who-member = member { $member }
column-period_from = From
column-period_to = To
## A period in words (titles, the brief): a year, a quarter ($quarter: its number), a month
## ($month: its name), any other range of days ($from, $to: dates as the tables write them).
period-in-words-year = { $year }
period-in-words-quarter = { $year } Q{ $quarter }
period-in-words-month = { $month } { $year }
period-in-words-range = { $from } to { $to }
