### Refusals (input), moved from the Rust source.

## src/import/apply.rs
empty-this-column-required = empty; this column is required
has-header-but-no = { $file } has a header but no rows to import
duplicate-member-ward-already = duplicate: member '{ $name }' of { $org } in ward { $ward } is already in the register (id { $id })
empty-but-case-has = empty, but the case has a release date; give one of { $codes }
empty-but-case-has-2 = empty, but the case has a release reason '{ $reason }'; give the release date
given-but-case-not = '{ $case }' given, but the case is not released; credit goes with a progressed release
duplicate-case-same-person = duplicate of case { $case }: the same person enrolled on the same date { $date } is already in the register
empty-but-row-has = empty, but the row has an amount or a support note; give one of { $codes }

## src/import/bounds.rs
cannot-read-as-workbook = cannot read '{ $file }' as a workbook ({ $what }); save it again from the spreadsheet program as .xlsx
workbook-unpacks-more-than = { $file }: the workbook unpacks to more than { $mb } MB (at its part '{ $part }'); mh51 reads at most that — split the file
workbook-has-parts-mh51 = { $file }: the workbook has { $zip_count } parts; mh51 reads workbooks of at most { $max_parts } — save it again as .xlsx
filled-cells-workbook-s = { $file }:{ $sheet }!{ $span }: the filled cells of the workbook's sheets span more than { $max_box } cells; mh51 reads at most that — remove what lies beyond the table, or split the file
workbook-has-more-than = { $file }: the workbook has more than { $max_sheets } sheets; mh51 reads at most that many
workbook-s-cells-hold = { $file }:{ $sheet }!{ $at }: the workbook's cells hold more than { $mb } MB of text; mh51 reads at most that — split the file
workbook-has-more-than-2 = { $file }: the workbook has more than { $max_cells } shared strings; mh51 reads at most that many
sheet-declares-rows-columns = { $file }: sheet '{ $sheet }' declares { $rows } rows of { $cols } columns; mh51 reads at most { $max_box } cells — save the file again as .xlsx

## src/import/csv.rs
cells-but-header-has = { $record_count } cells but the header has { $width } columns; check for a stray comma
file-not-utf-8 = { $file }:{ $line }: the file is not UTF-8 text (perhaps saved as plain "CSV" by Excel); in Excel use File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" and import that file, or import the workbook itself (.xlsx, .xls or .ods: mh51 reads them directly)

## src/import/mod.rs
column-appears-twice = column '{ $name }' appears twice
unknown-column-expected-their = unknown column; expected { $expected } (or their Vietnamese names)
required-column-missing-from = required column '{ $name }' is missing from the header
empty-expected-header-row = { $file } is empty: expected a header row with the columns { $expected }
has-more-than-rows = { $file } has more than { $max_rows } rows; mh51 imports at most { $max_rows } rows from one file — split it into several files
importing-took-longer-than = importing { $file } took longer than { $typed } s, and other clerks would have to wait; nothing was imported — split the file into smaller ones
no-row-filled-date = { $file }: no row is filled in (a date of contact, a class …); nothing to import

## src/import/workbook.rs
cannot-read-as-workbook-2 = cannot read '{ $file }' as a workbook ({ $value }); save it again from the spreadsheet program as .xlsx
cannot-read-sheet = cannot read sheet '{ $name }' of '{ $file }' ({ $value })
workbook-lists-more-than = { $file }:{ $name }!{ $at }: the workbook lists more than { $max_seen } cells; mh51 reads at most that many — split the file
sheet-reaches-past-row = { $file }:{ $sheet }!{ $at }: the sheet reaches past row { $max_sheet_rows } or column IV ({ $max_sheet_columns } columns); mh51 reads at most { $max_sheet_rows } rows of { $max_sheet_columns } columns — remove what lies beyond, or split the file
workbook-has-more-than-3 = { $file }:{ $sheet }!{ $at }: the workbook has more than { $max_cells } filled cells; mh51 reads at most that many — split the file
has-no-sheets = { $file } has no sheets
has-no-sheet-its = { $file } has no sheet '{ $typed }'; its sheets are { $listed }
sheet-has-no-header = { $file }: sheet '{ $name }' has no header row (a row whose cells are all column names: { $expected }, or their Vietnamese names); the workbook's sheets are { $listed }; choose one with --sheet NAME
no-sheet-has-header = { $file }: no sheet has a header row (a row whose cells are all column names: { $expected }, or their Vietnamese names); its sheets are { $listed }
value-column-with-no = a value in a column with no header; name the column in the header row or clear the cell
cell-shows-error-correct = the cell shows the error { $value }; correct its formula or type the value
number-not-identity-number = the number { $text } is not an identity number (9 or 12 digits); the spreadsheet stores it as a number and may have dropped leading zeros: format the column as Text and type the numbers again
## What an import brought in, by its kind ($kind: members, reviews, supports, cases).
import-what = { $kind ->
    [members] members
    [reviews] filled rows (reviews)
    [supports] supports
   *[cases] cases
}
## import --dry-run: all $n rows of the file $name are valid; $what: import-what.
import-dry-run-valid = dry run: all { $n } rows of { $name } are valid ({ $what }); nothing was written
## import: $n rows ($what: import-what) brought in from the file $name.
## What a file's problems are counted in: a workbook's rows, a CSV file's lines.
import-word-row = row
import-word-line = line
import-done = imported { $n } { $what } from { $name }
## An import refused: the file $file has $rows bad rows (each problem follows on its own line).
import-bad-rows = { $file }: { $rows } bad row(s); nothing was imported:
## A member of the file that repeats one above it ($unit: row or line, at $at): same name, org and ward.
import-duplicate-member-in-file = duplicate of { $unit } { $at }: the same member '{ $name }' of { $org } in ward { $ward }
## A case of the file that repeats one above it ($unit: row or line, at $at): same person, same date.
import-duplicate-case-in-file = duplicate of { $unit } { $at }: the same person enrolled on the same date { $date }
## A filled row of the month's sheet without $what (one of the four below).
import-filled-row-needs = empty; a filled row needs its { $what }
import-needs-date-of-contact = date of contact
import-needs-class = class (A–D)
import-needs-date-of-support = date of support
import-needs-kind-of-support = kind of support
## A sheet's row already recorded ($what: the rule's refusal, without its --again advice).
import-sheet-duplicate = duplicate: { $what }; nothing is recorded twice (was this sheet brought back already?)
## The file to import ($file) is not there, or may not be read.
import-no-such-file = cannot read '{ $file }': there is no such file (check the name and the folder)
import-file-not-permitted = cannot read '{ $file }': permission denied (the file's owner must allow it)
