### The brief (report brief, SPEC §12): its opening paragraph, written from the figures; the
### official report (report document, SPEC §20) uses the very same paragraph.
### Numbers come in as numbers: [0] and [one] choose the words; NUM(…) writes them with separators.

## $period: the period in words ("2021", "2022 Q1", "1 Jan 2022 to 20 May 2022");
## $range: yes when the period is a range of dates.
brief-when = { $range ->
    [yes] From { $period }
   *[no] In { $period }
}

## $when: brief-when.
brief-empty = { $when } the “5+1” model had nobody under management.

## $intake: taken in during the period; $total: the total under management; $progressed: taken
## off the list for making progress.
brief-intake = { $intake ->
    [0] { $when } the “5+1” model took in nobody new; the total under management was { NUM($total) }
    [one] { $when } the “5+1” model took in 1 more person, bringing the total under management to { NUM($total) }
   *[other] { $when } the “5+1” model took in { NUM($intake) } more people, bringing the total under management to { NUM($total) }
}{ $progressed ->
    [0] ; nobody has yet been taken off the list for making progress.
    [one] ; 1 person who made progress was taken off the list.
   *[other] ; { NUM($progressed) } who made progress were taken off the list.
}

## Exits for other reasons: one reason ($why), or several ($list: brief-exit-item joined by
## brief-exit-separator).
brief-other-exit = { $count ->
    [one] 1 person
   *[other] { NUM($count) } people
} also left the list: { $why }.
brief-other-exits = { $count ->
    [one] 1 person
   *[other] { NUM($count) } people
} also left the list for other reasons ({ $list }).
brief-exit-item = { NUM($count) } { $why }
brief-exit-separator = ;{ " " }

## On the last day ($day): how many remain, in the charge of how many members ($members) of how
## many organizations ($orgs), how many have nobody assigned ($unassigned).
brief-closing = { $closing ->
    [0] On { $day } nobody remains under management.
   *[other] On { $day }, { $closing ->
        [one] 1 person remains
       *[other] { NUM($closing) } people remain
    } under management{ $members ->
        [0] , with no member assigned yet
       *[other] , in the charge of { $members ->
            [one] 1 member
           *[other] { NUM($members) } members
        } of { $orgs ->
            [one] 1 organization
           *[other] { NUM($orgs) } organizations
        }{ $unassigned ->
            [0] {""}
            [one] ; 1 has nobody assigned
           *[other] ; { NUM($unassigned) } have nobody assigned
        }
    }.
}

## The quota from 1 January ($since) to the last day ($day): $achieved credited, $target for
## $members members, $pct the percentage (already written), $met members who met it.
brief-quota = From { $since } to { $day }, { $achieved ->
    [0] no progress has yet been credited to the { $members ->
        [one] 1 member
       *[other] { NUM($members) } members
    } (target { NUM($target) })
   *[other] the members helped { $achieved ->
        [one] 1 person
       *[other] { NUM($achieved) } people
    } make progress: { $pct }% of the target of { NUM($target) } for { $members ->
        [one] 1 member
       *[other] { NUM($members) } members
    }
}{ $met ->
    [0] ; no member has met the quota yet.
    [one] ; 1 member has met the quota.
   *[other] ; { NUM($met) } members have met the quota.
}

### The brief's page (src/report/brief/render.rs): title, key figures, charts, tables.
### Dates ($day, $from, $to) come already written the English way.

## The line of dates under the title: the period's first ($from) and last ($to) day.
brief-dates = { $from } to { $to }
## The title; $period: the period in words.
brief-title = Coordination meeting brief, { $period }
brief-key-figures = Key figures
## $period: the previous period in words.
brief-change-note = Under each figure: the change from the previous period, { $period }.
brief-no-change = no change
## The labels of the key figures (and of charts and tables where the words are the same).
brief-fig-opening = At the start
brief-taken-in = Taken in
brief-total-managed = Total managed
brief-fig-progressed = Progressed
brief-fig-exits = Left, all reasons
brief-fig-closing = At the end
brief-fig-contacts = Contacts (reviews)
brief-fig-supports = Supports given
brief-loans = Loans (đồng)
## $day: the period's last day.
brief-fig-overdue = Overdue or unassigned on { $day }
## The footer, before the mh51 commands that give the same figures.
brief-footer = Every figure is counted by mh51 from the register and equals what these reports give:

## Charts.
brief-people = People
brief-trend-months = The last 12 months
brief-trend-quarters = The last 8 quarters
brief-month = Month
brief-quarter = Quarter
brief-series-closing = Under management at the end
brief-series-progressed = Progressed, taken off
brief-ward = Ward
brief-by-ward = By ward
brief-by-org = By organization in charge
brief-series-in-charge = Open cases in charge at the end
## The quota from $from to $to.
brief-quota-chart = Quota by organization, { $from } to { $to }
brief-quota-axis = People helped to make progress
brief-achieved = Achieved
brief-target = Target
brief-no-review = No review yet
## $open: the open cases; $day: the period's last day.
brief-class-chart = The { NUM($open) } open cases on { $day } by latest review
brief-open-cases = Open cases

## The table by ward; $period: the period in words.
brief-ward-table = Summary by ward, { $period }
brief-col-opening = Opening
brief-col-intake = Intake
brief-col-progressed = Progressed
brief-col-exits = Exits, all reasons
brief-col-closing = Closing
brief-col-contacts = Contacts
brief-col-supports = Supports
brief-total = Total

## The quota table: $quota people per member, from $from to $to.
brief-quota-table = Quota by organization ({ $quota } people per member), { $from } to { $to }
brief-col-org = Organization
brief-col-members = Members
brief-col-members-met = Members who met it
brief-col-shortfall = Shortfall
brief-col-pct = { "%" }

## The overdue table; $day: the period's last day.
brief-overdue-table = Cases overdue for a contact or with nobody assigned, on { $day }
## $count: the overdue cases; $days: the days allowed; $more: yes when the table shows only the
## $shown oldest; $on: the last day (YYYY-MM-DD, for the command).
brief-overdue-note = { $count ->
    [0] No case has gone more than { $days } days without a contact or has nobody assigned.
   *[other] { $more ->
        [yes] { NUM($count) } cases without a contact for more than { $days } days or with nobody assigned; the { $shown } oldest are below (all of them: mh51 report overdue --as-of { $on }).
       *[no] { NUM($count) } { $count ->
            [one] case
           *[other] cases
        } without a contact for more than { $days } days or with nobody assigned.
    }
}
brief-nobody-assigned = nobody assigned
brief-col-case = Case
brief-col-name = Name
brief-col-member = Member in charge
brief-col-days = Days

## The group of cases with no member in charge, in the charts and tables by organization.
brief-unassigned = Unassigned

## The browser could not print the PDF: $browser, $status (its exit), $log (the last lines it wrote).
brief-could-not-print = { $browser } could not print the PDF ({ $status }): { $log }
