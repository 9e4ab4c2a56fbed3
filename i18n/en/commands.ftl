### Refusals (commands), moved from the Rust source.

## src/cmd/brief.rs
brief-written-as-file = the brief is written as FILE.html or FILE.pdf, not '{ $output }'
chromium-no-such-program = --chromium '{ $path }': no such program; give the path of a Chromium or Chrome, e.g. { $example }
no-microsoft-edge-google = no Microsoft Edge or Google Chrome to print the PDF with (looked in their standard folders under Program Files and AppData\Local): give --chromium PATH to msedge.exe or chrome.exe; or write FILE.html and print it from a browser
no-chromium-print-pdf = no Chromium to print the PDF with: install the package chromium (sudo apt install chromium), or give --chromium PATH; or write FILE.html and print it from a browser
did-not-finish-printing = { $browser } did not finish printing the PDF within { $print_timeout } s

## src/cmd/document.rs
document-text-invalid = invalid { $option } '{ $value }': expected 1 to { $max } characters of text
document-written-as-file = the document is written as FILE.docx (Word), not '{ $output }'
already-exists-choose-new = '{ $output }' already exists; choose a new file name (mh51 never overwrites files)

## src/cmd/export.rs
timeout-0-give-time = --timeout 0: give the time limit in seconds, at least 1

## src/cmd/import.rs
not-file-give-path = '{ $file }' is not a file; give the path of a .csv, .xlsx, .xls or .ods file
cannot-read = cannot read '{ $file }': { $value }
file-too-large = '{ $file }' is { $size_mb } MB; mh51 imports files up to { $max_mb } MB — split it into several files
sheet-for-workbooks-xlsx = --sheet is for workbooks (.xlsx, .xls, .ods); '{ $file }' is read as a CSV file
district-6-example-runs = the District 6 example runs to { $last_day }, after today ({ $today }); check the computer's date

## src/cmd/protect.rs
there-no-terminal-type = { $what }: there is no terminal to type a passphrase on; give it with --key-file FILE (or MH51_KEY_FILE)
two-passphrases-differ-nothing = the two passphrases differ; nothing was changed
check-finds-problem-s = `check` finds { $problems_count } problem(s) in '{ $db }'; nothing was changed: run `mh51 check` and fix them first
already-encrypted-not-mh51 = '{ $db }' is already encrypted (or is not an mh51 register); to change its passphrase use `mh51 rekey`
not-encrypted-encrypt-it = '{ $db }' is not encrypted; encrypt it with `mh51 encrypt`
not-encrypted-for-copy = '{ $db }' is not encrypted; for a copy use `mh51 backup FILE`

## src/cmd/sheet.rs
sheet-written-as-file = the sheet is written as FILE.xlsx (a workbook to fill in), FILE.pdf or FILE.html (forms to print), not '{ $output }'

## src/cmd/import.rs
demo-city-too-early = the synthetic city starts in 2018; today ({ $today }) is too early
## The synthetic city's district name: the register's data, always stored in Vietnamese.
demo-city-district = Ho Chi Minh City (sample data)
demo-created = created { $db } — Quận 6, 14 wards: { $members } members, { $cases } cases, { $reassignments } reassignments, { $reviews } reviews, { $supports } supports, { $left } members left
try-mh51-db-report = try: mh51 --db { $db } report summary -p 2022-01-01..2022-05-20 --by org

## src/cmd/protect.rs
choose-passphrase-at-least = Choose a passphrase of at least { $min_passphrase } characters. Without it the register cannot be read: nobody can recover it.
encrypted-place-checked-plain = encrypted '{ $db }' in place (checked; the plain file and its -wal/-shm are removed). Backups, exports and migration copies (*.vN.bak) made before still hold the data in plain text: destroy them, or keep them as safely as the passphrase.
changed-passphrase-backups-made = changed the passphrase of '{ $db }'. Backups made before still open with the old one.
wrote-plain-unencrypted-copy = wrote a plain (unencrypted) copy to '{ $output }' (mode 0600). Anyone who gets this file can read it: delete it when done.
finished-anonymisation-persons-released = finished the anonymisation of the persons released before { $date }: the file is rebuilt and its WAL emptied, no old value is left in '{ $db }'
no-anonymisation-was-unfinished = no anonymisation of '{ $db }' was unfinished; the file was rebuilt and its WAL emptied all the same

## src/cmd/safety.rs
check-sound-sqlite-integrity = check: '{ $db }' is sound: SQLite integrity and foreign keys ok, { $rules } rules of the register hold over { $cases } cases, audit chain intact ({ $audit_rows } rows)
check-every-row-matches = check: every row matches the audit log ({ $rows_proved } rows in { $tables } tables), and the schema is schema.sql's
check-older-layout = check: '{ $db }' is encrypted in SQLCipher 4's default layout (4 KiB pages, HMAC-SHA512), as an earlier mh51 wrote it; `mh51 rekey` rewrites it in mh51's faster layout (docs/encryption.md)
check-eight-layout = check: '{ $db }' is encrypted in the layout mh51 wrote from 3 to 7 December 2026 (8 KiB pages, HMAC-SHA256); `mh51 rekey` rewrites it in mh51's faster layout of 16 KiB pages (docs/encryption.md)
already-at-schema-version = '{ $db }' is already at schema version { $to }; nothing to do
upgraded-from-schema-version = upgraded '{ $db }' from schema version { $from } to { $to }; the register as it was is kept in '{ $backup }'

## src/cmd/wards.rs
wrote-register-ward-s = wrote { $dest }: the register of ward(s) { $wards } — { $persons } persons, { $cases } cases, { $members } members; rename it with `mh51 --db { $dest } settings district NAME`

## src/cmd/write.rs
created-with-wards-6 = created { $db } with { $wards } wards, 6 organizations, quota { $quota }

show-title-case = Case
show-title-timeline = Timeline
show-title-other-cases = Other cases of this person
show-title-member = Member
show-title-member-cases = Cases (✓ = credited)
show-title-ward-history = Ward history
report-by-ward = ward
report-by-org = organization
report-by-category = category
report-by-month = month
report-by-quarter = quarter
report-by-member = member
report-sheet-summary = Summary
report-sheet-quota = Quota
report-sheet-overdue = Overdue
report-sheet-contacts = Contacts
report-period-span = { $words } ({ $from } to { $to })
report-structure-on = , wards as on { $date }
report-scope-only = — only { $parts }
report-title-summary = Summary, { $when }, by { $by }
report-title-quota = Quota ({ $n } people per member), { $when }, by { $by }
report-title-overdue = Overdue as of { $on }: no contact for more than { $days } days, or nobody assigned
report-title-contacts = Contacts, { $when }, by { $by }: cases open on { $on } and how many were contacted

# The register file: opening, keys, versions, replacing (src/db.rs).
db-passphrase-short = the passphrase has { $n } characters; it needs at least { $min } (a short sentence is easy to remember and hard to guess)
db-needs-key = '{ $path }' is encrypted (or is not an mh51 register): give its passphrase with --key-file FILE (or MH51_KEY_FILE), or run mh51 on a terminal to type it
db-wrong-key = the passphrase is wrong, or '{ $path }' is not an mh51 register; the file was not touched
db-damaged = '{ $path }' is damaged (cut short, or a page fails its check), not a matter of the passphrase; nothing was changed: run `mh51 check`, and restore it from a backup if check cannot read it
db-side-file-exists = '{ $side }' exists beside '{ $path }' (left by an earlier file of that name; SQLite would replay it into the new register): move it away or choose another name
db-older-read-only = '{ $path }' was written by an older mh51 (schema version { $version }, this mh51 writes { $current }); this command only reads, so it does not upgrade it: run `mh51 migrate` (it makes a backup copy first) — the file was not touched
db-newer = database '{ $path }' has schema version { $version }, newer than this mh51 understands ({ $current }); upgrade mh51 — the file was not touched
db-version-zero = '{ $path }' is not an mh51 database (schema version 0)
db-not-sqlite = '{ $path }' is not an mh51 database (not a SQLite file)
db-held-open = '{ $path }' is held open by another program, so Windows will not replace it ({ $error }); close every other mh51 window and program using the register, then run this again — nothing was changed
db-in-use = '{ $path }' is in use (another command is reading or writing it); run this again when nobody is using the register — nothing was changed
db-stayed-locked = '{ $path }' stayed locked by another command (encrypt, rekey, an import…) for { $seconds } s; run this again — nothing was changed
db-replaced-meanwhile = '{ $path }' was replaced meanwhile (by encrypt or rekey in another window); run the command again — nothing was changed
db-replaced-while-opening = '{ $path }' was replaced while it was being opened (by encrypt or rekey in another window); run the command again — nothing was changed
## What a new passphrase is needed for (there-no-terminal-type's $what).
a-new-passphrase-is-needed = a new passphrase is needed
## The terminal's prompts for a passphrase (a space follows).
prompt-passphrase = Passphrase:
prompt-new-passphrase = New passphrase:
prompt-again = Again:
## anonymise (or its dry run): how many persons, released before $day; notes emptied; phones removed.
anonymise-done = { $dry_run ->
    [yes] would anonymise (dry run, nothing written)
   *[no] anonymised
} { $persons } person(s) whose every case was released before { $day }; notes emptied on { $case_notes } case(s), { $review_notes } review(s), { $support_notes } support(s); phone numbers removed from { $member_phones } member(s) who left before { $day }
## anonymise committed but its scrub of the file ($path) failed with $error.
anonymise-scrub-failed = the anonymisation (released before { $day }) is saved, but old values may still be readable in '{ $path }' or its -wal: { $error }. Run `mh51 anonymise --finish` when no other command is using the register
## A new file's path ($path) is already taken.
file-exists-never-overwrite = '{ $path }' already exists; mh51 never overwrites a file: choose a new name
## A new file's path ($path) names no file (a folder, or empty).
not-a-file-name = '{ $path }' is not a file name: give the path of a new file
## The folder ($folder) of a new file's path ($path) is not there.
folder-does-not-exist = folder '{ $folder }' does not exist; create it first or choose another path for '{ $path }'
## A report asked for as -f xlsx without -o.
xlsx-needs-output = -f xlsx writes an Excel file and needs -o FILE, e.g. -o bao-cao.xlsx
## Who acts (--actor, MH51_ACTOR, the OS user), as a refusal of its characters names it.
word-actor = actor
