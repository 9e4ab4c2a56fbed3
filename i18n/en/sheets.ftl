### The month's contact sheets (sheet) and exports: titles, columns and notes.

## The sheet's column headers, by column key (`import reviews` reads every one back: the test
## every_header_is_one_import_reviews_reads). The class, support kind and date of contact
## headers also title the input prompts and the legend under the table.
sheet-col-stt = #
sheet-col-case_no = Case no.
sheet-col-name = Name
sheet-col-ward = Ward
sheet-col-address = Address
sheet-col-last_contact = Last contact
sheet-col-last_class = Last class
sheet-col-reviewed_on = Date of contact
sheet-col-class = Class
sheet-col-note = Note
sheet-col-support_kind = Support kind
sheet-col-amount = Amount
sheet-col-support_note = Support note

## The name of the worksheet (and form) of the cases with no member.
sheet-unassigned = Unassigned
## The sheet's second line: $id the member's id, $name their name, $org their organization.
sheet-member-line = Member: { $id } { $name } — { $org }
## The second line of the sheet of cases with no member.
sheet-member-none = Cases with no member in charge
## The third line: what to fill in.
sheet-instructions = For each contact write the date of contact (in the period), the class A–D and a note; if help was given, the support kind and amount. Leave a person not visited blank.
## The printed page footer (Excel's codes: &C centre, &P the page, &N the number of pages).
sheet-page-footer = &CPage &P of &N

## The check of the date of contact: $from, $to the period's first and last day; $words the
## period in words.
sheet-day-input = From { $from } to { $to }
sheet-day-error-title = Date outside the period
sheet-day-error = The date of contact must be a day of { $words }: from { $from } to { $to }.
## The check of the class.
sheet-class-error-title = Not a class
sheet-class-error = Choose A, B, C or D from the list.
## The check of the support kind.
sheet-kind-input = Choose from the list; leave blank if no help was given.
sheet-kind-error-title = Not a support kind
sheet-kind-error = Choose a kind from the list.
## The check of the amount.
sheet-amount-error-title = Not an amount
sheet-amount-error = The amount is a number of đồng, not below 0, e.g. 5000000.

## The place to sign under a paper form: the date, who signs, how.
sheet-sign-day = Date ……………………
sheet-sign-member = Member
sheet-sign-how = (signature and full name)

## The sheet's title: $when the period as report titles write it.
sheet-title = Contact and support sheet, { $when }
## -p too long: $shown the period typed, $from, $to its first and last day, $max the most months.
sheet-period-too-long = -p '{ $shown }' is { $from } to { $to }: a sheet covers at most { $max } months (one row per case); give a month (2023-06, 6/2023) or a quarter (2023-Q2)
## No case: $period the period in words, $scope the part of the register (", ward …" or empty).
sheet-no-case = no case is open in { $period }{ $scope }: there is no sheet to write
## The sheets written: $path the file, $n the sheets, $words the period in words, $cases the
## cases, $none the cases with no member.
sheet-written = { $path }: { $n } { $n ->
        [one] sheet
       *[other] sheets
    } for { $words }, { $cases } { $cases ->
        [one] case
       *[other] cases
    }{ $none ->
        [0] {""}
       *[other] , { $none } of them with no member
    }

### Exports (export) and queries (query).

## -p with a table whose rows are not dated.
export-period-not-dated = -p applies to reviews, supports and assignments, the tables whose rows are dated; export the whole table without it
## --voided with a table that has no voided rows.
export-voided-only = --voided applies to reviews and supports only
## $what the first keyword (or the statement) refused.
export-query-read-only-start = query runs one read-only statement starting with SELECT, WITH or VALUES; '{ $what }' is not allowed (nothing was changed)
## $sql the SQL (shortened).
export-query-one-statement = query runs exactly one statement; remove what follows the first ';' in '{ $sql }'
## $sql the SQL (shortened), $error SQLite's error.
export-query-invalid = invalid SQL '{ $sql }': { $error }
## $sql the SQL (shortened).
export-query-changes = query is read-only: '{ $sql }' would change the database (nothing was changed)
## $max the most rows.
export-query-too-many-rows = the query returns more than { $max } rows (the limit); add a LIMIT or a WHERE to the SQL, or allow more with --max-rows N
## $mb the limit, in MB.
export-query-too-large = the query's result is larger than { $mb } MB (the limit); select fewer rows or columns, or write CSV to a file (-f csv -o FILE)
## $seconds the time limit, in seconds.
export-query-timeout = the query was stopped after { $seconds } s (the time limit; nothing was changed); narrow it, or allow longer with --timeout SECONDS
## $mb the limit of one value, in MB.
export-query-value-too-large = the query builds a value larger than { $mb } MB (the limit); select less

### Reports.

## --structure with a grouping other than wards.
report-structure-needs-ward = --structure regroups wards and applies only with --by ward
## A quota period across two years: $from, $to its first and last day (YYYY-MM-DD), $year the
## year of its first day.
quota-period-crosses-year = the quota period { $from }..{ $to } crosses a calendar year; quotas are yearly: give a period within one year, e.g. { $year } or { $year }-Q4
