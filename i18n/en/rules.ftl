### Refusals (rules), moved from the Rust source.

## src/domain/cases.rs
birth-year-after-enrollment = birth year { $year } is after the enrollment date { $date }
identity-number-belongs-another = identity number '{ $id_number }' belongs to another person than case { $person }'s; check the number
does-not-match-name = '{ $name }' does not match the name on record for this person; check the identity number or --person, or correct the name with `mh51 edit`
identity-number-differs-from = identity number '{ $id_number }' differs from the one on record for this person
this-person-already-has = this person already has an open case { $case }; a person has at most one open case
enrollment-date-before-this = enrollment date { $date } is before this person's previous case was released ({ $released })
member-left-case-needs = member { $id } left on { $left }; case { $case } needs a current member to take it on (see `mh51 member list`)
case-was-released-cannot = case { $case } was released on { $released } and cannot { $doing }; `mh51 reopen { $case }` if the release was a mistake
case-already-assigned-member = case { $case } is already assigned to member { $id } (since { $start })
assignment-date-before-current = assignment date { $date } is before the current assignment of case { $case } began ({ $start }); give a date on or after it
case-was-already-released = case { $case } was already released on { $released }; a case is released once (`mh51 reopen { $case }` undoes a mistaken release)
release-date-before-case = release date { $date } is before case { $case } moved ward ({ $moved }); give a date on or after it
release-date-before-event = release date { $date } is before an event already recorded on case { $case } ({ $last }); give a date on or after it
case-has-no-member = case { $case } has no member assigned on { $date } to credit with its progress; pass --credit MEMBER
credit-applies-only-progressed = --credit '{ $typed }' applies only to a progressed release, not '{ $reason }'
case-open-only-released = case { $case } is open; only a released case can be reopened
cannot-reopen-case-same = cannot reopen case { $case }: the same person has open case { $other }
cannot-reopen-case-same-2 = cannot reopen case { $case }: the same person was enrolled again later (case { $other })
birth-year-after-case = birth year { $year } is after case { $case } was enrolled ({ $enrolled_on })
identity-number-already-belongs = identity number '{ $id_number }' already belongs to another person; an identity number is unique
enrollment-date-another-year = enrollment date { $date } is in another year than case { $case }; the number keeps its year — release this case with reason other and enroll anew
enrollment-date-after-event = enrollment date { $date } is after an event already recorded on case { $case } ({ $first })
enrollment-date-after-case = enrollment date { $date } is after case { $case } was released ({ $released })
enrollment-date-before-this-2 = enrollment date { $date } is before this person's previous case was released ({ $released })
nothing-change-for-case = nothing to change for case { $case }: give at least one of --name, --born, --gender, --id-number, --address, --ward, --category, --date, --note

## src/domain/lookup.rs
member-left-cannot-choose = member { $id } left on { $left } and cannot { $doing } on { $date }; choose a current member (see `mh51 member list`)
member-joined-cannot-before = member { $id } joined on { $joined_on } and cannot { $doing } on { $date }, before joining
unknown-member-give-member = unknown member '{ $typed }': give a member id number (see `mh51 member list --all`)
unknown-member-no-current = unknown member '{ $typed }': no current member has that name; give a member id number or a current member's full name (see `mh51 member list --search`)
date-before-case-was = { $what } date { $date } is before case { $case } was enrolled ({ $enrolled_on }); give a date on or after enrollment
date-after-case-was = { $what } date { $date } is after case { $case } was released ({ $released }); give a date on or before the release
unknown-case-no-case = unknown case '{ $typed }': no case has that number (see `mh51 list --status all`)

## src/domain/members.rs
invalid-phone-expected-8 = invalid phone '{ $phone }': expected 8 to 15 digits, e.g. 0909123456
member-ward-already-exists = member '{ $name }' of { $org } in ward { $ward } already exists (id { $id }); pass --allow-duplicate if this is another person
member-already-left = member { $id } already left on { $left }
leaving-date-before-member = leaving date { $date } is before member { $id } joined ({ $joined_on })
member-still-has-open = member { $id } still has open cases ({ $list }); reassign them with `mh51 assign CASE MEMBER` first
leaving-date-before-member-2 = leaving date { $date } is before member { $id } moved ward ({ $moved }); give a later date
member-has-activity-recorded = member { $id } has activity recorded on { $last }, after the leaving date { $date }; give a later date
joining-date-after-member = joining date { $date } is after member { $id } left ({ $left })
member-has-activity-recorded-2 = member { $id } has activity recorded on { $first }, before the joining date { $date }
nothing-change-for-member = nothing to change for member { $id }: give --name, --org, --ward, --phone or --joined

## src/domain/month.rs
case-already-has-contact = case { $case } already has a contact on { $date } (review { $id }); if this is another contact that day, add --again
reason-must-say-why = --reason must say why the entry is voided, e.g. --reason "wrong case"

## src/domain/register.rs
invalid-wards-expected-0 = invalid --wards '{ $wards }': expected 0 to 1000
invalid-quota-expected-0 = invalid --quota '{ $quota }': expected 0 to 100 people per member
invalid-code-expected-1 = invalid { $what } code '{ $code }': expected 1 to 40 characters, no comma
already-exists-codes-names = { $what } '{ $typed }' already exists; codes and names must be unique (ignoring case and accents)

## src/domain/types.rs
invalid-date-expected-yyyy = invalid date '{ $typed }': expected YYYY-MM-DD or DD/MM/YYYY, a real calendar day
date-future-today-give = date '{ $typed }' is in the future (today is { $today }); give a date on or before today
invalid-birth-year-expected = invalid birth year '{ $typed }': expected a year from 1900 to { $today }
invalid-birth-expected-year = invalid birth '{ $typed }': expected a year (1990) or a date YYYY-MM-DD or DD/MM/YYYY
birth-date-future = birth date '{ $typed }' is in the future
invalid-case-number-expected = invalid case number '{ $typed }': expected YYYY-NNNN, e.g. 2022-0007
invalid-identity-number-expected = invalid identity number '{ $typed }': expected 9 digits (CMND) or 12 digits (CCCD)
empty-give-name-with = empty { $what }: give a name with at least one letter
too-long-characters-at = { $what } is too long ({ $count } characters): at most { $max_name }
too-long-characters-at-2 = { $what } is too long ({ $count } characters): at most { $max }
invalid-period-expected-2022 = invalid period '{ $typed }': expected 2022, 2022-Q1, 2022-05, 2022-01-01..2022-05-20, or as titles write them: quý I/2022, 5/2022, năm 2022
invalid-period-it-ends = invalid period '{ $typed }': it ends before it starts
invalid-period-it-ends-2 = invalid period '{ $typed }': it ends before it starts

## src/domain/wards.rs
ward-exists-only-from = ward { $code } exists only from { $from }, not on { $day }; give a date from { $from } on, or another ward
ward-was-dissolved-merged = ward { $code } was dissolved on { $date } and merged into ward { $typed }; on { $day } use ward { $typed }
move-date-not-after = move date { $date } is not after { $what } { $key }'s latest ward change ({ $last_on }, ward { $last_code }); moves are recorded in order — to correct the first ward use `edit --ward`
already-ward = { $what } { $key } is already in ward { $to_code } on { $date }
case-has-changed-ward = case { $case } has changed ward since enrollment (see `mh51 show { $case }`); `edit --ward` corrects only a case that never moved — record a move with `mh51 move { $case } --ward { $code } --date D`
member-has-changed-ward = member { $id } has changed ward since joining; `member edit --ward` corrects only a member who never moved — record a move with `mh51 member move { $id } --ward { $code } --date D`
date-not-before-s = date { $new } is not before { $what } { $key }'s first ward change ({ $typed }); correct the dates in order
ward-exists-only-from-2 = ward { $code } exists only from { $from }, not on { $new }
ward-was-already-dissolved = ward { $code } was already dissolved on { $date } (merged into ward { $typed })
ward-exists-only-from-3 = ward { $code } exists only from { $from }; it cannot be dissolved on { $date }
ward-takes-over-ward = ward { $code } takes over ward { $other } on { $date }; it cannot be dissolved on { $date2 }, before that
ward-both-dissolved-ward = ward { $code } is both dissolved and the ward merged into; list it only after --into
ward-already-exists-named = ward { $code } already exists (named '{ $current }'); --name '{ $count }' is only for a new ward — rename with `mh51 ward rename { $code } NAME`
ward-does-not-exist = ward '{ $into }' does not exist; to create it give its name with --name, e.g. --name "Phường Bình Tiên"
already-ward-s-code = '{ $name }' is already ward { $code }'s code or name; ward names must be unique (ignoring case and accents)
ward-already-named = ward { $code } is already named '{ $name }'
unknown-setting-expected-one = unknown setting '{ $key }': expected one of { $settable }
invalid-expected-1-characters = invalid { $key } '{ $value }': expected 1 to { $max } characters
