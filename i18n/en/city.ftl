### The city register (SPEC §19): city init, unit, add, status, report, duplicates, brief, check.

## Which kind of file.
city-not-a-ward = '{ $path }' is a city register (made by `mh51 city init`), not a ward's register: use the `mh51 city …` commands on it, or give a ward's register with --db
city-ward-register = '{ $path }' is a ward's register, not a city register: the `mh51 city …` commands need a file made by `mh51 city init` (give it with --db or MH51_DB)
city-not-a-city = '{ $path }' is not a city register (it was not made by `mh51 city init`)
city-too-new = city register '{ $path }' has schema version { $version }, newer than this mh51 understands ({ $known }); upgrade mh51 — the file was not touched
## city init.
city-name-what = city name
city-created = created city register { $path } for { $name }
## city unit add / list.
city-unit-name-what = unit name
city-unit-code-invalid = invalid unit code '{ $code }': 1 to 64 letters, digits, '-', '_' or '.' (the ward's `settings unit_code`)
city-unit-exists = unit { $code } is already registered ({ $name }); a unit's code and key are never changed
city-unit-key-taken = this key is already registered to unit { $other }: every ward has a key of its own (its `mh51 key show`)
city-unit-added = registered unit { $unit } with key { $fingerprint } (read it back to the ward to confirm)
city-units-title = { $name } — registered units
## city add.
city-add-refused = '{ $file }': { $why }; nothing was added (the files of one `city add` are added all together or not at all)
city-add-not-a-file = it is not a file
city-add-too-big = it has { $bytes } bytes, more than a package can ({ $max })
city-add-unknown-unit = the package is from unit '{ $unit }', which is not registered: register it first with `mh51 city unit add { $unit } NAME --key KEY`
city-add-other-unit-key = the package says it is from unit { $unit } but is signed with the key registered to unit { $other }
city-add-unknown-key = the package says it is from unit { $unit } but is signed with a key the city has not registered (fingerprint { $fingerprint }); unit { $unit }'s registered key is { $registered }
city-add-older = unit { $unit } for { $from } to { $to }: revision { $revision } is older than revision { $held }, which the city holds
city-add-same-revision = unit { $unit } for { $from } to { $to }: revision { $revision } is held already with different content (a ward sends a changed package as a new revision)
city-add-added = { $file }: added unit { $unit }, { $from } to { $to }, revision { $revision } ({ $tokens } linking tokens)
city-add-replaced = { $file }: added unit { $unit }, { $from } to { $to }, revision { $revision }, which replaces revision { $old } (kept)
city-add-held = { $file }: already held (unit { $unit }, { $from } to { $to }, revision { $revision }); nothing changed
## city status.
city-status-title = { $name } — packages received for { $period }
city-status-counts = { $units } units: { $received } received, { $missing } missing; city audit head { $head }
city-status-received = received
city-status-missing = missing
## city report.
city-by-unit = by unit
city-by-org = by organization
city-by-category = by category
city-title-summary = { $name } — Summary, { $period }, { $by }: the wards' packages added up
city-title-quota = { $name } — Quota, { $from } to { $to }, { $by }: the wards' packages of { $period } added up
city-title-contacts = { $name } — Contacts, { $period }, { $by }: the wards' packages added up
city-sheet-summary = Summary
city-sheet-quota = Quota
city-sheet-contacts = Contacts
city-report-missing = { $count } of { $units } units sent no package for this period and { $count ->
        [one] is
       *[other] are
    } not in the figures: { $list } (see `mh51 city status`)
city-report-no-packages = the city holds no package for { $from } to { $to }: a city report adds only the periods the wards sent, exactly (quarters are never added into a year); periods held: { $held }
city-xlsx-needs-file = -f xlsx writes an Excel file and needs -o FILE, e.g. -o city.xlsx
## city duplicates.
city-duplicates-title = { $name } — people counted by two units, { $period } (linking tokens; no names)
city-duplicates-found = { $strong } strong { $strong ->
        [one] match
       *[other] matches
    } (identity number) and { $weak } weak { $weak ->
        [one] one
       *[other] ones
    } (name and birth year: ask both wards) among { $packages } packages
city-duplicates-no-tokens = packages without linking tokens (made without --link-key), so not compared: { $units }
city-duplicates-other-key = linking key { $fingerprint } was used by: { $units } — tokens made under different keys cannot be compared, so these were compared only among themselves
## city brief.
city-brief-html-only = the city brief is written as FILE.html, not '{ $path }'
city-brief-title = City brief, { $period }
city-brief-dates = { $from } to { $to }
city-brief-lead = { $sent } of { $units } units sent their package: { NUM($managed) } people managed, { NUM($progressed) } progressed, { NUM($closing) } at the end of the period.
city-brief-missing = { $count } units sent nothing for this period and are not counted: { $units }.
city-brief-key-figures = Key figures
city-brief-by-unit = By unit
city-brief-chart-managed = People managed, by unit
city-brief-chart-quota = Quota achieved, { $from } to { $to }, by unit
city-brief-chart-contacts = Open cases contacted, by unit
city-brief-axis-people = people
city-brief-axis-cases = cases
city-brief-footer = Every figure is a ward's own, from its signed package, added up: mh51 city report summary|quota|contacts -p { $period }.
## city check.
city-check-ok = check: city register '{ $path }' is sound: { $units } units, { $packages } packages, each verified against its unit's key and matching the audit log; audit chain intact ({ $rows } rows), head { $head }
city-check-failed = check: city register '{ $path }' has { $count } problems:
city-check-integrity = SQLite integrity: { $what }
city-check-foreign-keys = { $count } rows refer to a unit or package that does not exist
city-check-chain = the audit log is broken at row { $seq }: { $why }
city-check-unit-differs = unit { $unit } is not what the audit log recorded (name or key changed)
city-check-unit-unlogged = unit { $unit } has no audit row (added outside mh51)
city-check-unit-gone = unit { $unit } is in the audit log but not in the register (removed outside mh51)
city-check-package-differs = package { $package } is not what the audit log recorded
city-check-package-unlogged = package { $package } has no audit row (added outside mh51)
city-check-package-gone = package id { $id } is in the audit log but not in the register (removed outside mh51)
city-check-package-no-unit = package { $package } belongs to no registered unit
city-check-package-signature = package { $package } no longer verifies against its unit's key (changed after it was added)
city-check-package-content = package { $package }: its stored figures or tokens are not the signed document's
## Column and value words of the city's tables.
city-col-unit = Unit
city-col-unit-a = Unit
city-col-unit-b = Other unit
city-col-case-a = Case
city-col-case-b = Other case
city-col-match = Match
city-col-revision = Revision
city-col-revisions = Revisions held
city-col-received-at = Received
city-col-made-at = Made
city-col-audit-head = Ward's audit head
city-col-fingerprint = Fingerprint
city-col-public-key = Public key
city-col-added-at = Registered
## demo --size city|small built the file $db: its figures, and how long it took ($secs, one decimal).
city-demo-built = built { $db }: { $wards } wards, { $members } members, { $cases } cases ({ $released } released, { $reassigned } reassigned), { $reviews } reviews, { $supports } supports in { $secs } s
