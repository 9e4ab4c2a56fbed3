### What each rule of `mh51 check` forbids (src/check.rs RULES).
check-rule-person-more-than-one-open = a person has more than one open case
check-rule-two-cases-same-person-overlap = two cases of the same person overlap in time
check-rule-case-more-than-one-current = a case has more than one current assignment
check-rule-released-case-still-current-assignment = a released case still has a current assignment
check-rule-two-assignments-case-overlap-time = two assignments of a case overlap in time
check-rule-assignment-lies-outside-case-s = an assignment lies outside its case's enrollment and release dates
check-rule-review-dated-outside-case-s = a review is dated outside its case's enrollment and release dates
check-rule-support-dated-outside-case-s = a support is dated outside its case's enrollment and release dates
check-rule-release-incomplete-inconsistent-date-reason = a release is incomplete or inconsistent (date, reason and credit go together)
check-rule-member-credited-with-progressed-release = the member credited with a progressed release does not exist or was not active on the release day
check-rule-case-assigned-member-who-was = a case is assigned to a member who was not active on the assignment's first day
check-rule-assignment-runs-past-day-member = an assignment runs past the day its member left
check-rule-review-recorded-by-member-who = a review is recorded by a member who was not active that day
check-rule-support-recorded-by-member-who = a support is recorded by a member who was not active that day
check-rule-identity-number-not-9-12 = an identity number is not 9 or 12 digits
check-rule-identity-number-held-by-more = an identity number is held by more than one person
check-rule-date-not-real-calendar-day = a date is not a real calendar day in ISO form (YYYY-MM-DD, from 1900)
check-rule-date-future = a date is in the future
check-rule-case-number-does-not-match = a case number does not match its year and sequence, or its year is not the enrollment year
check-rule-member-left-before-joining = a member left before joining
check-rule-value-outside-vocabulary-limits = a value is outside its vocabulary or limits
check-rule-person-was-born-after-one = a person was born after one of their cases was enrolled
check-rule-person-no-case = a person has no case
check-rule-case-member-no-audit-row = a case or member has no audit row (its history was cut from the audit log)
check-rule-case-s-ward-history-does = a case's ward history does not begin on its enrollment day
check-rule-case-changes-ward-after-release = a case changes ward after its release
check-rule-case-s-ward-not-ward = a case's ward is not the ward of its latest ward history row
check-rule-case-ward-on-day-ward = a case is in a ward on a day the ward did not exist
check-rule-member-s-ward-history-does = a member's ward history does not begin on their joining day
check-rule-member-changes-ward-after-leaving = a member changes ward after leaving
check-rule-member-s-ward-not-ward = a member's ward is not the ward of their latest ward history row
check-rule-member-ward-on-day-ward = a member is in a ward on a day the ward did not exist
check-rule-dissolved-ward-s-successor-did = a dissolved ward's successor did not exist on the day it took over

# check's words for what a problem is about (src/check.rs).
check-subject-case = case
check-subject-person = person
check-subject-member = member
check-subject-audit = audit row
check-subject-ward = ward
check-subject-org = organization
check-subject-category = category
check-subject-table = table
check-schema-missing = is missing (schema.sql defines it)
check-schema-changed = differs from its definition in schema.sql
check-schema-added = is not in schema.sql (added behind mh51's back)
# An English table names the kind by SQLite's own word (table, index, trigger, view).
check-schema-kind-table = table
check-schema-kind-index = index
check-schema-kind-trigger = trigger
check-schema-kind-view = view
check-schema-kind-other = object
## check found $n problems in the register $db, listed one per line ($list).
check-found = check found { $n } problem(s) in '{ $db }':
    { $list }
## check found $n damaged pages in the encrypted register $db ($list: up to 20, one per line).
check-damaged-pages = check found { $n } damaged page(s) in the encrypted file '{ $db }' (restore it from a backup):
    { $list }
## A row of SQLite's integrity check (the row follows).
check-sqlite-integrity-failed = SQLite integrity check failed
## A foreign key that points nowhere (the parent table follows).
check-refers-to-missing-row = refers to a missing row
## The audit chain breaks (how follows).
check-audit-chain-broken = the audit hash chain is broken
## An anonymisation of those released before $day was interrupted.
check-anonymise-unfinished = register: an anonymisation (released before { $day }) is unfinished: old values may still be readable in the file or its -wal; run `mh51 anonymise --finish`
## A register without the ledger tables.
check-no-ledger = the register has no ledger (row_versions, ledger): its data cannot be proved
## A schema difference: $kind (table, index, trigger, view) $name, $what (check-schema-missing/changed/added).
check-schema-problem = schema: { $kind } { $name } { $what }
## A step of check ($what) failed with $error.
check-could-not-run = the check '{ $what }' could not run: { $error }
## A name stored uncleaned.
check-name-not-clean = a name is not stored cleaned (trimmed, single spaces, Unicode NFC)
## A *_fold column that is not the folded name.
check-fold-mismatch = a folded search key does not match its name (search and duplicate checks would miss it)
