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
