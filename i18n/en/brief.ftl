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
