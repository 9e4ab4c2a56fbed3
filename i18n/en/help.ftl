### What each command's --help ends with (src/help.rs): its examples, one command a line.
## Every example is run by a test against the District 6 example; `examples-PATH`, PATH the command's words.
help-examples = Examples:
help-global-options = Global options:
examples =
    mh51 demo
    mh51 list --ward 10
    mh51 report summary -p 2022-Q1
examples-init =
    mh51 --db phuong5.db init --district "Phường 5" --wards 3
examples-enroll =
    mh51 enroll "Nguyễn Văn An" --ward 10 --category prison --born 1990 --date 2023-06-01
    mh51 enroll "Trần Thị Bình" --ward 10 --category drugs --id-number 079123456789 --member 118
examples-assign =
    mh51 assign 2016-0023 118 --date 2023-06-01
examples-review =
    mh51 review 2016-0004 --class B --date 2023-06-15
    mh51 review 2016-0004 --class A --note "Đã có việc làm"
examples-support =
    mh51 support 2016-0004 --kind loan --amount 5tr --date 2023-06-15
examples-release =
    mh51 release 2016-0004 --reason progressed --date 2023-06-20
examples-list =
    mh51 list --ward 10
    mh51 list --status released -f csv -o da-ra-khoi-dien.csv
examples-show =
    mh51 show 2016-0004
examples-member-add =
    mh51 member add "Võ Thị Hạnh" --org PN --ward 10 --joined 2023-01-05
examples-report-summary =
    mh51 report summary -p 2022-Q1
    mh51 report summary -p "quý I/2022" --by org
    mh51 report summary -p 2022 -f xlsx -o tong-hop-2022.xlsx
examples-report-quota =
    mh51 report quota -p 2022 --by org
    mh51 report quota -p 2022 --by member --ward 10
examples-report-overdue =
    mh51 report overdue
    mh51 report overdue --ward 10 -f csv
examples-report-contacts =
    mh51 report contacts -p 2022-05 --by member
examples-report-brief =
    mh51 report brief -p 2022-Q1 -o giao-ban-quy-1.html
examples-report-document =
    mh51 report document -p 2022-Q1 -o bao-cao-quy-1.docx --number "12/BC-MTTQ"
examples-report-package =
    mh51 settings unit_code P5
    mh51 report package -p 2022-Q1 -o p5-2022-q1.json
examples-period-list =
    mh51 period list
examples-period-reopen =
    mh51 settings unit_code P5
    mh51 report package -p 2022-Q1 -o p5-2022-q1.json
    mh51 period reopen 2022-Q1 --reason "bổ sung một lần tiếp xúc"
examples-export =
    mh51 export reviews -p 2022-Q1 -o tiep-xuc-quy-1.csv
    mh51 export cases --redact -o ho-so.csv
examples-sheet =
    mh51 sheet -p 2022-12 -o phieu-thang-12.xlsx --ward 10
examples-check =
    mh51 check
examples-backup =
    mh51 backup ban-sao-2023-06-30.db
