//! The command line's help and usage errors in Vietnamese (SPEC §11: "`mh51 --help` and every
//! command's help are in the reader's language").
//!
//! `cli.rs` keeps clap's derive types with English doc comments. When the reader's language
//! is Vietnamese (known before parsing: `--lang`, else `MH51_LANG`, else `LANG`), `main` walks
//! the built command tree and replaces every about and help text by its translation from the
//! one table [`HELP_VI`]; clap's own fixed words ("Usage:", "Options:", "[default: …]", error
//! sentences) are replaced in the rendered text from [`CLAP_VI`]. A text with no translation
//! stays English — the unit test `every_help_text_is_translated` names each one.

use std::ffi::OsString;

use clap::builder::StyledStr;
use clap::Command;

/// Every about/help text of the command tree (English, as clap holds it) → Vietnamese.
pub const HELP_VI: &[(&str, &str)] = &[
    // mh51
    (
        "Register of the community 5+1 model (mô hình 5+1): enroll, assign, review, release, report",
        "Sổ theo dõi mô hình 5+1: đưa vào diện, phân công, tiếp xúc, đưa ra khỏi diện, báo cáo",
    ),
    ("Database file [default: mh51.db; for demo, mh51-demo.db]", "Tệp cơ sở dữ liệu [mặc định: mh51.db; với demo, mh51-demo.db]"),
    (
        "Language of labels and messages (default: vi when LANG starts with vi, else en)",
        "Ngôn ngữ của nhãn và thông báo (mặc định: vi khi LANG bắt đầu bằng vi, nếu không thì en)",
    ),
    (
        "Who is acting, recorded in the audit log (default: the OS user)",
        "Người thực hiện, ghi vào nhật ký (mặc định: tài khoản hệ điều hành)",
    ),
    ("Print help", "In hướng dẫn"),
    ("Print help (see more with '--help')", "In hướng dẫn (xem đầy đủ với '--help')"),
    ("Print help (see a summary with '-h')", "In hướng dẫn (xem tóm tắt với '-h')"),
    ("Print version", "In phiên bản"),
    ("Print this message or the help of the given subcommand(s)", "In hướng dẫn này hoặc hướng dẫn của lệnh con"),
    // Output options
    ("Output format", "Định dạng đầu ra"),
    ("Excel workbook (reports only; needs -o FILE)", "Tệp Excel (chỉ cho báo cáo; cần -o TỆP)"),
    (
        "With CSV: start with a UTF-8 BOM and guard formula-like cells (for Excel)",
        "Với CSV: thêm BOM UTF-8 và chặn ô giống công thức (cho Excel)",
    ),
    (
        "Write to this file (created 0600, never overwritten) instead of stdout",
        "Ghi vào tệp này (tạo mới, quyền 0600, không bao giờ ghi đè) thay vì ra màn hình",
    ),
    (
        "Tables: every column at its natural width, whatever the terminal's width",
        "Bảng: hiện mọi cột đủ rộng, dù màn hình hẹp",
    ),
    // init, dictionaries
    (
        "Create a new database (mode 0600) with orgs, categories, wards 1..N and settings",
        "Tạo cơ sở dữ liệu mới (quyền 0600) với đoàn thể, diện, phường 1..N và thiết lập",
    ),
    ("District name, e.g. \"Quận 6\"", "Tên quận, ví dụ \"Quận 6\""),
    ("Number of wards to create, named \"Phường 1\"..\"Phường N\"", "Số phường cần tạo, tên \"Phường 1\"..\"Phường N\""),
    ("People each member must help make progress per year", "Số người mỗi thành viên phải giúp đỡ tiến bộ mỗi năm"),
    ("Wards (phường)", "Phường"),
    ("Mass organizations (đoàn thể)", "Đoàn thể"),
    ("Categories of person under management", "Diện đối tượng quản lý"),
    ("List codes and names", "Liệt kê mã và tên"),
    ("Add a code and its name", "Thêm một mã và tên"),
    // members
    ("Members of the model (thành viên)", "Thành viên mô hình"),
    ("Add a member; prints the id", "Thêm thành viên; in mã thành viên"),
    (
        "Allow a second current member with the same name, org and ward",
        "Cho phép thêm thành viên trùng tên, đoàn thể và phường với một thành viên hiện có",
    ),
    (
        "Current members with their open cases and this year's progressed releases",
        "Thành viên hiện tại, số hồ sơ đang phụ trách và số người tiến bộ trong năm",
    ),
    ("Include members who have left", "Gồm cả thành viên đã nghỉ"),
    ("One member, their cases and credits", "Một thành viên, các hồ sơ phụ trách và kết quả được ghi nhận"),
    ("A member leaves (their last day)", "Thành viên nghỉ (ngày cuối cùng)"),
    ("Correct a member's details", "Sửa thông tin thành viên"),
    // cases
    (
        "Open a case (đưa vào diện quản lý); prints its number YYYY-NNNN",
        "Đưa vào diện quản lý; in số hồ sơ YYYY-NNNN",
    ),
    ("Year of birth (1990) or date of birth", "Năm sinh (1990) hoặc ngày sinh"),
    ("male or female", "nam (male) hoặc nữ (female)"),
    ("CCCD (12 digits) or CMND (9 digits)", "CCCD (12 chữ số) hoặc CMND (9 chữ số)"),
    ("Enrollment date (default today)", "Ngày vào diện (mặc định hôm nay)"),
    ("Enrollment date", "Ngày vào diện"),
    ("Also assign the case to this member", "Đồng thời phân công hồ sơ cho thành viên này"),
    ("The same person as this earlier case", "Cùng một người với hồ sơ trước này"),
    (
        "Enroll even if an open case has the same name and birth year",
        "Vẫn đưa vào diện dù có hồ sơ đang quản lý trùng tên và năm sinh",
    ),
    ("Assign or reassign a case to a member (phân công)", "Phân công hoặc phân công lại hồ sơ cho thành viên"),
    (
        "Record a contact and its A–D classification; prints the review id",
        "Ghi một lần tiếp xúc và phân loại A–D; in mã lần tiếp xúc",
    ),
    (
        "Member who made the contact (default: the one assigned that day)",
        "Thành viên tiếp xúc (mặc định: người được phân công ngày đó)",
    ),
    ("Record help given (giúp đỡ); prints its id", "Ghi một lần giúp đỡ; in mã của nó"),
    ("job, loan, training, gift or other", "job (việc làm), loan (vốn), training (học nghề), gift (quà) hoặc other (khác)"),
    ("Amount in đồng", "Số tiền (đồng)"),
    ("Close a case with a reason (đưa ra khỏi diện)", "Đưa ra khỏi diện, với lý do"),
    (
        "progressed, moved, deceased, reoffended, institution or other",
        "progressed (tiến bộ), moved (chuyển đi), deceased (qua đời), reoffended (tái phạm), institution (đưa vào cơ sở) hoặc other (khác)",
    ),
    (
        "Member credited with a progressed release (default: the one assigned that day)",
        "Thành viên được ghi nhận khi đối tượng tiến bộ (mặc định: người được phân công ngày đó)",
    ),
    ("Undo a release recorded by mistake", "Hủy một lần đưa ra khỏi diện ghi nhầm"),
    ("Correct a case or its person", "Sửa hồ sơ hoặc thông tin của người"),
    ("The person, the case and its whole timeline", "Người, hồ sơ và toàn bộ diễn biến"),
    ("List cases (default: open ones)", "Liệt kê hồ sơ (mặc định: đang quản lý)"),
    (
        "Text in the name, case number or identity number (ignores case and accents)",
        "Chữ trong họ tên, số hồ sơ hoặc số CCCD (không phân biệt hoa thường, dấu)",
    ),
    // reports
    ("Reports for the meeting: summary, quota, overdue", "Báo cáo giao ban: tổng hợp, chỉ tiêu, quá hạn"),
    (
        "Opening, intake, exits by reason, closing, contacts, supports",
        "Đầu kỳ, tiếp nhận, ra khỏi diện theo lý do, cuối kỳ, tiếp xúc, giúp đỡ",
    ),
    ("Each member's quota of people helped to make progress", "Chỉ tiêu giúp đỡ người tiến bộ của từng thành viên"),
    (
        "Open cases not contacted for too long, or with nobody assigned",
        "Hồ sơ đang quản lý lâu chưa tiếp xúc, hoặc chưa phân công",
    ),
    // import, export, query, safety
    (
        "Bring in members or cases from a CSV file (all or nothing)",
        "Nhập thành viên hoặc hồ sơ từ tệp CSV (nhập hết hoặc không nhập gì)",
    ),
    ("Check every row and write nothing", "Kiểm tra mọi dòng, không ghi gì"),
    ("Export a table as CSV or JSON", "Xuất một bảng ra CSV hoặc JSON"),
    (
        "Empty identity numbers, addresses, phones and birth dates; names to initials",
        "Xóa số CCCD, địa chỉ, điện thoại và ngày sinh; họ tên chỉ còn chữ cái đầu",
    ),
    ("Run one read-only SQL statement", "Chạy một câu lệnh SQL chỉ đọc"),
    ("Stop the query after this many seconds", "Dừng câu truy vấn sau số giây này"),
    (
        "Refuse a result of more rows (default: 10000 for a table, 1000000 for CSV or JSON)",
        "Từ chối kết quả nhiều dòng hơn (mặc định: 10000 với bảng, 1000000 với CSV hoặc JSON)",
    ),
    ("A consistent copy of the database (mode 0600)", "Sao lưu nhất quán cơ sở dữ liệu (quyền 0600)"),
    (
        "Integrity check: SQLite, foreign keys, the rules of the register, the audit chain",
        "Kiểm tra toàn vẹn: SQLite, khóa ngoại, các quy tắc của sổ, chuỗi nhật ký",
    ),
    (
        "Upgrade a register written by an older mh51 (a backup copy FILE.vN.bak first; audited)",
        "Nâng cấp sổ do mh51 cũ hơn ghi (sao lưu trước thành TỆP.vN.bak; có ghi nhật ký)",
    ),
    ("The audit log; `audit verify` checks its hash chain", "Nhật ký thao tác; `audit verify` kiểm tra chuỗi băm"),
    ("Only rows about this case", "Chỉ các dòng về hồ sơ này"),
    ("Only rows on or after this date", "Chỉ các dòng từ ngày này trở đi"),
    ("Check the hash chain; exit 1 at the first broken row", "Kiểm tra chuỗi băm; thoát với mã 1 ở dòng hỏng đầu tiên"),
    (
        "Also prove that the log still holds this head (`SEQ:HASH`, from `mh51 audit head`)",
        "Chứng minh thêm rằng nhật ký vẫn giữ nguyên đầu chuỗi này (`SỐ:MÃ`, lấy từ `mh51 audit head`)",
    ),
    (
        "Print the head of the log, `SEQ:HASH`: write it down to prove later that nothing was rewritten",
        "In đầu chuỗi nhật ký, `SỐ:MÃ`: hãy ghi lại để sau này chứng minh không có gì bị viết lại",
    ),
    ("Build the District 6 example database and print its figures", "Tạo cơ sở dữ liệu mẫu Quận 6 và in các số liệu"),
    ("Build the synthetic city-scale database instead", "Tạo cơ sở dữ liệu mô phỏng cỡ thành phố"),
    ("The District 6 example (default)", "Mẫu Quận 6 (mặc định)"),
    ("300 wards, 6,000 members, 100,000 cases, 1,000,000 reviews", "300 phường, 6.000 thành viên, 100.000 hồ sơ, 1.000.000 lần tiếp xúc"),
    ("A small synthetic city, for CI", "Thành phố mô phỏng nhỏ, để kiểm thử"),
    ("Print shell completions", "In mã tự hoàn thành cho shell"),
    // key, report package
    ("The register's signing key, which signs its report packages", "Khóa ký của sổ, dùng để ký các gói báo cáo"),
    (
        "Print the public key (64 hex digits) on stdout and its fingerprint on stderr, for the city",
        "In khóa công khai (64 chữ số hex) ra màn hình và dấu vân tay của nó ra stderr, để gửi thành phố",
    ),
    (
        "The ward's package for the city: the period's figures as JSON, signed with the register's key",
        "Gói báo cáo của phường gửi thành phố: số liệu của kỳ dưới dạng JSON, ký bằng khóa của sổ",
    ),
    ("The new file: FILE.json (created 0600, never overwritten)", "Tệp mới: TỆP.json (tạo với quyền 0600, không bao giờ ghi đè)"),
    (
        "The city's linking key (a file: 64 or more hex digits on its first line); without it, no linking tokens",
        "Khóa liên kết của thành phố (một tệp: dòng đầu có từ 64 chữ số hex trở lên); không có thì không có mã liên kết",
    ),
    // report brief
    (
        "The meeting brief: one self-contained HTML page (or a PDF printed by a local Chromium)",
        "Báo cáo giao ban: một trang HTML độc lập (hoặc PDF in bằng Chromium trên máy)",
    ),
    (
        "The new file: FILE.html, or FILE.pdf (created 0600, never overwritten)",
        "Tệp mới: TỆP.html hoặc TỆP.pdf (tạo với quyền 0600, không bao giờ ghi đè)",
    ),
    (
        "Show overdue people's and members' names (off by default: the brief may be projected)",
        "Hiện tên đối tượng quá hạn và tên thành viên (mặc định tắt: báo cáo có thể được chiếu lên màn hình)",
    ),
    (
        "The Chromium or Chrome that prints a PDF [default: chromium, chromium-browser or google-chrome on PATH]",
        "Chromium hoặc Chrome dùng để in PDF [mặc định: chromium, chromium-browser hoặc google-chrome trên PATH]",
    ),
    // sheet (SPEC §17)
    (
        "The month's contact sheets: a worksheet per member to fill in (.xlsx), or paper forms (.html, .pdf)",
        "Phiếu theo dõi tiếp xúc hằng tháng: mỗi thành viên một trang tính để điền (.xlsx), hoặc mẫu giấy để in (.html, .pdf)",
    ),
    (
        "Period: a month such as 2023-06 or 6/2023, or up to 3 months (default: this month)",
        "Kỳ: một tháng như 2023-06 hoặc 6/2023, hoặc tối đa 3 tháng (mặc định: tháng này)",
    ),
    (
        "The new file: FILE.xlsx, FILE.pdf or FILE.html (created 0600, never overwritten)",
        "Tệp mới: TỆP.xlsx, TỆP.pdf hoặc TỆP.html (tạo với quyền 0600, không bao giờ ghi đè)",
    ),
    // report document (SPEC §20)
    (
        "The official report in the layout of Decree 30/2020/NĐ-CP: a Word file (.docx), in Vietnamese",
        "Báo cáo gửi cấp trên theo thể thức Nghị định 30/2020/NĐ-CP: tệp Word (.docx), bằng tiếng Việt",
    ),
    (
        "The new file: FILE.docx (created 0600, never overwritten)",
        "Tệp mới: TỆP.docx (tạo với quyền 0600, không bao giờ ghi đè)",
    ),
    (
        "The document's number and code, e.g. \"12/BC-MTTQ\" [default: left blank to fill in]",
        "Số, ký hiệu của văn bản, ví dụ \"12/BC-MTTQ\" [mặc định: để trống để điền sau]",
    ),
    (
        "Place name before the date [default: the district setting without \"Phường\"/\"Xã\"]",
        "Địa danh trước ngày tháng [mặc định: thiết lập district, bỏ chữ \"Phường\"/\"Xã\"]",
    ),
    ("Date of the document (default: today)", "Ngày ban hành văn bản (mặc định: hôm nay)"),
    ("Name of the person who signs", "Họ tên người ký"),
    (
        "Title of the person who signs, e.g. \"CHỦ TỊCH\"; a line break starts a new line",
        "Chức vụ người ký, ví dụ \"CHỦ TỊCH\"; xuống dòng để sang dòng mới",
    ),
    (
        "A recipient under \"Nơi nhận:\" (repeat for more); \"- Lưu: VT.\" is always last",
        "Một nơi nhận dưới \"Nơi nhận:\" (lặp lại cho nhiều nơi); \"- Lưu: VT.\" luôn ở cuối",
    ),
    // Wards change (SPEC §13) and data protection (SPEC §14)
    (
        "A member now works in another ward from --date (history kept)",
        "Thành viên chuyển sang làm việc ở phường khác từ --date (giữ lịch sử)",
    ),
    (
        "Add a ward",
        "Thêm phường",
    ),
    (
        "Anonymise, beyond recovery, the people whose every case was released before DATE",
        "Ẩn danh, không thể khôi phục, những người mà mọi hồ sơ đã đưa ra khỏi diện trước NGÀY",
    ),
    (
        "Change a ward's name",
        "Đổi tên phường",
    ),
    (
        "Change the passphrase of an encrypted register",
        "Đổi mật khẩu của sổ đã mã hóa",
    ),
    (
        "Count what would be anonymised and write nothing",
        "Đếm những gì sẽ được ẩn danh mà không ghi gì",
    ),
    (
        "Cut-off date: persons whose last release is before it are anonymised",
        "Ngày mốc: người có lần ra khỏi diện cuối cùng trước ngày này sẽ được ẩn danh",
    ),
    (
        "Dissolve wards on a day into another (created with --name if new)",
        "Sáp nhập các phường vào một phường khác từ một ngày (tạo mới với --name nếu chưa có)",
    ),
    (
        "Finish an anonymisation whose change was saved but whose scrub was interrupted",
        "Hoàn tất việc ẩn danh đã lưu thay đổi nhưng chưa xóa sạch dấu vết cũ do bị gián đoạn",
    ),
    (
        "Encrypt a plain register in place (the passphrase asked twice, or from --key-file)",
        "Mã hóa sổ chưa mã hóa tại chỗ (hỏi mật khẩu hai lần, hoặc đọc từ --key-file)",
    ),
    (
        "Encrypt the register (SQLCipher); the passphrase is asked twice, or read from --key-file",
        "Mã hóa sổ (SQLCipher); hỏi mật khẩu hai lần, hoặc đọc từ --key-file",
    ),
    (
        "Every ward ever, dissolved ones too, with their dates and successors",
        "Mọi phường từng có, kể cả phường đã giải thể, với ngày và phường tiếp nhận",
    ),
    (
        "File whose first line is the passphrase of an encrypted register (readable by its owner only); without it the passphrase is asked on the terminal",
        "Tệp có dòng đầu là mật khẩu của sổ đã mã hóa (chỉ chủ sở hữu được đọc); nếu không có, mật khẩu được hỏi trên terminal",
    ),
    (
        "Group the wards as they were on this day (following mergers); with --by ward only",
        "Gộp các phường theo đơn vị hành chính của ngày này (theo các lần sáp nhập); chỉ dùng với --by ward",
    ),
    (
        "Hand wards their own register: a new file with only their people and whole history",
        "Bàn giao sổ riêng cho phường: một tệp mới chỉ có người của phường đó và toàn bộ lịch sử",
    ),
    (
        "List today's wards (--all: every ward, with the day each began and was dissolved)",
        "Liệt kê các phường hiện nay (--all: mọi phường, với ngày bắt đầu và ngày giải thể)",
    ),
    (
        "Name of the new ward, when --into does not exist yet",
        "Tên phường mới, khi --into chưa tồn tại",
    ),
    (
        "Read the new passphrase from this file (first line; readable by its owner only)",
        "Đọc mật khẩu mới từ tệp này (dòng đầu; chỉ chủ sở hữu được đọc)",
    ),
    (
        "The first day of the new structure",
        "Ngày đầu tiên của đơn vị hành chính mới",
    ),
    (
        "The new plain file (never overwritten)",
        "Tệp mới chưa mã hóa (không bao giờ ghi đè)",
    ),
    (
        "The new register (refuses an existing file)",
        "Sổ mới (từ chối nếu tệp đã tồn tại)",
    ),
    (
        "The new value, e.g. \"Phường Bình Tiên\" or \"Khu phố\"",
        "Giá trị mới, ví dụ \"Phường Bình Tiên\" hoặc \"Khu phố\"",
    ),
    (
        "The person now lives in another ward: the case goes on there from --date (history kept)",
        "Người này chuyển đến phường khác: hồ sơ tiếp tục ở đó từ --date (giữ lịch sử)",
    ),
    (
        "The register's own settings: list them, or set `district`, `ward_label`, `issuer_parent`, `issuer` or `unit_code`",
        "Thiết lập của sổ: liệt kê, hoặc đặt `district`, `ward_label`, `issuer_parent`, `issuer` hay `unit_code`",
    ),
    (
        "The ward that takes them over",
        "Phường tiếp nhận",
    ),
    (
        "The wards (codes or names) whose register to write",
        "Các phường (mã hoặc tên) cần ghi sổ riêng",
    ),
    (
        "The wards dissolved",
        "Các phường bị giải thể",
    ),
    (
        "Wards (phường): list, add, merge, rename",
        "Phường: liệt kê, thêm, sáp nhập, đổi tên",
    ),
    (
        "Write a plain (unencrypted) copy of an encrypted register, mode 0600, for other tools",
        "Ghi một bản sao không mã hóa của sổ đã mã hóa, quyền 0600, cho công cụ khác",
    ),
    (
        "`district`, `ward_label`, `issuer_parent`, `issuer` or `unit_code` (none: list every setting)",
        "`district`, `ward_label`, `issuer_parent`, `issuer` hoặc `unit_code` (bỏ trống: liệt kê mọi thiết lập)",
    ),
    // Workbooks (SPEC §15)
    (
        "Bring in members, cases, or a month's reviews or supports from a CSV file or a workbook (.xlsx, .xls, .ods), all or nothing",
        "Nhập thành viên, hồ sơ, hoặc các lần tiếp xúc, giúp đỡ trong tháng từ tệp CSV hoặc bảng tính (.xlsx, .xls, .ods); có dòng sai thì không nhập dòng nào",
    ),
    (
        "The sheet of a workbook to read (default: the first; for reviews and supports, every sheet)",
        "Trang tính cần đọc trong bảng tính (mặc định: trang đầu tiên; với tiếp xúc và giúp đỡ: mọi trang tính)",
    ),
    (
        "A month's sheet brought back: a review per filled row (and a support when its kind is given)",
        "Phiếu tháng nộp lại: mỗi dòng đã điền là một lần tiếp xúc (và một lần giúp đỡ nếu có hình thức)",
    ),
    ("A sheet of supports (`case_no,given_on,kind,amount,member,note`)", "Bảng các lần giúp đỡ (`case_no,given_on,kind,amount,member,note`)"),
    // Arguments
    (
        "A free-text note",
        "Ghi chú",
    ),
    (
        "Address",
        "Địa chỉ",
    ),
    (
        "Case number, e.g. 2022-0001",
        "Số hồ sơ, ví dụ 2022-0001",
    ),
    (
        "Category, by code or name",
        "Diện, theo mã hoặc tên",
    ),
    (
        "Corrected address",
        "Địa chỉ sửa lại",
    ),
    (
        "Corrected birth year or birth date",
        "Năm sinh hoặc ngày sinh sửa lại",
    ),
    (
        "Corrected category",
        "Diện sửa lại",
    ),
    (
        "Corrected day the member joined",
        "Ngày tham gia sửa lại",
    ),
    (
        "Corrected gender: male or female",
        "Giới tính sửa lại: male (nam) hoặc female (nữ)",
    ),
    (
        "Corrected identity number: 9 or 12 digits",
        "Số CCCD/CMND sửa lại: 9 hoặc 12 chữ số",
    ),
    (
        "Corrected note",
        "Ghi chú sửa lại",
    ),
    (
        "Corrected ward, from the case's first day (a correction, not a move)",
        "Phường sửa lại, từ ngày đầu của hồ sơ (sửa sai, không phải chuyển phường)",
    ),
    (
        "Date of the event: YYYY-MM-DD or DD/MM/YYYY (default: today)",
        "Ngày diễn ra: YYYY-MM-DD hoặc DD/MM/YYYY (mặc định: hôm nay)",
    ),
    (
        "Day of release (default: today)",
        "Ngày đưa ra khỏi diện (mặc định: hôm nay)",
    ),
    (
        "Day the member joined (default: today)",
        "Ngày thành viên tham gia (mặc định: hôm nay)",
    ),
    (
        "Day the report is as of (default: today)",
        "Ngày tính báo cáo (mặc định: hôm nay)",
    ),
    (
        "Days without contact before a case is overdue (default: setting review_interval_days, 30)",
        "Số ngày không tiếp xúc thì hồ sơ bị coi là quá hạn (mặc định: thiết lập review_interval_days, 30)",
    ),
    (
        "First day in the new ward (default: today)",
        "Ngày đầu tiên ở phường mới (mặc định: hôm nay)",
    ),
    (
        "First day of the assignment (default: today)",
        "Ngày bắt đầu phân công (mặc định: hôm nay)",
    ),
    (
        "Full name of the person",
        "Họ tên của người được quản lý",
    ),
    (
        "Its new name",
        "Tên mới",
    ),
    (
        "Last day of membership: YYYY-MM-DD or DD/MM/YYYY (default: today)",
        "Ngày cuối cùng tham gia: YYYY-MM-DD hoặc DD/MM/YYYY (mặc định: hôm nay)",
    ),
    (
        "Member id",
        "Mã thành viên",
    ),
    (
        "Member who gave it (default: the one assigned that day)",
        "Thành viên đã giúp đỡ (mặc định: thành viên được phân công ngày đó)",
    ),
    (
        "Name",
        "Tên",
    ),
    (
        "One read-only SQL statement (SELECT, WITH or VALUES)",
        "Một câu lệnh SQL chỉ đọc (SELECT, WITH hoặc VALUES)",
    ),
    (
        "Only cases in this ward",
        "Chỉ hồ sơ ở phường này",
    ),
    (
        "Only cases of this category",
        "Chỉ hồ sơ thuộc diện này",
    ),
    (
        "Only cases of this member",
        "Chỉ hồ sơ do thành viên này phụ trách",
    ),
    (
        "Only cases whose member belongs to this organization",
        "Chỉ hồ sơ có thành viên phụ trách thuộc đoàn thể này",
    ),
    (
        "Only members of this organization",
        "Chỉ thành viên của đoàn thể này",
    ),
    (
        "Only members of this ward",
        "Chỉ thành viên của phường này",
    ),
    (
        "Organization, by code or name",
        "Đoàn thể, theo mã hoặc tên",
    ),
    (
        "Period: 2022, 2022-Q1, 2022-05 or 2022-01-01..2022-05-20 (default: this year to today)",
        "Kỳ báo cáo: 2022, 2022-Q1, 2022-05 hoặc 2022-01-01..2022-05-20 (mặc định: từ đầu năm đến hôm nay)",
    ),
    (
        "Phone number",
        "Số điện thoại",
    ),
    (
        "Review class: A, B, C or D",
        "Phân loại: A, B, C hoặc D",
    ),
    (
        "Short code, e.g. 15 or NCT",
        "Mã ngắn, ví dụ 15 hoặc NCT",
    ),
    (
        "The CSV file or workbook to read",
        "Tệp CSV hoặc bảng tính cần đọc",
    ),
    (
        "The member who takes charge (id)",
        "Thành viên phụ trách (mã)",
    ),
    (
        "The member's corrected name",
        "Họ tên thành viên sửa lại",
    ),
    (
        "The member's full name",
        "Họ tên thành viên",
    ),
    (
        "The new backup file (refuses an existing file)",
        "Tệp sao lưu mới (từ chối nếu tệp đã tồn tại)",
    ),
    (
        "The person's corrected name",
        "Họ tên sửa lại",
    ),
    (
        "The shell to write completions for",
        "Shell cần tạo gợi ý lệnh",
    ),
    (
        "The table to export",
        "Bảng cần xuất",
    ),
    (
        "The ward the member now works in",
        "Phường nơi thành viên nay làm việc",
    ),
    (
        "The ward the person now lives in",
        "Phường nơi người này nay sinh sống",
    ),
    (
        "The ward, by code or name",
        "Phường, theo mã hoặc tên",
    ),
    (
        "Ward, by code or name",
        "Phường, theo mã hoặc tên",
    ),
    (
        "What the file holds",
        "Tệp chứa gì",
    ),
    (
        "What the rows are",
        "Mỗi dòng là gì",
    ),
    (
        "open, released or all",
        "open (đang quản lý), released (đã ra khỏi diện) hoặc all (tất cả)",
    ),
    // the month's contacts (SPEC §17)
    ("A contact (tiếp xúc)", "Một lần tiếp xúc"),
    ("A support (giúp đỡ)", "Một lần giúp đỡ"),
    ("review or support", "review (tiếp xúc) hoặc support (giúp đỡ)"),
    (
        "Void a contact or support recorded by mistake (hủy): it stays, shown voided, and counts nowhere",
        "Hủy một lần tiếp xúc hoặc giúp đỡ ghi nhầm: vẫn được lưu, hiện là đã hủy, và không được tính ở đâu nữa",
    ),
    (
        "The review or support id (printed when it was recorded; see `mh51 show CASE`)",
        "Mã lần tiếp xúc hoặc giúp đỡ (in ra khi ghi; xem `mh51 show HỒ_SƠ`)",
    ),
    ("Why it is voided", "Lý do hủy"),
    (
        "Correct a contact or support in place (audited with old and new values)",
        "Sửa một lần tiếp xúc hoặc giúp đỡ (ghi nhật ký giá trị cũ và mới)",
    ),
    ("Correct a contact: its class, date, member or note", "Sửa lần tiếp xúc: loại, ngày, thành viên hoặc ghi chú"),
    (
        "Correct a support: its kind, amount, date, member or note",
        "Sửa lần giúp đỡ: hình thức, số tiền, ngày, thành viên hoặc ghi chú",
    ),
    ("The review id", "Mã lần tiếp xúc"),
    ("The support id", "Mã lần giúp đỡ"),
    ("Corrected class: A, B, C or D", "Loại đúng: A, B, C hoặc D"),
    ("Corrected date: YYYY-MM-DD or DD/MM/YYYY", "Ngày đúng: YYYY-MM-DD hoặc DD/MM/YYYY"),
    ("Corrected kind: job, loan, training, gift or other", "Hình thức đúng: job, loan, training, gift hoặc other"),
    ("Corrected amount in đồng", "Số tiền đúng (đồng)"),
    ("Corrected member who gave it", "Thành viên đã giúp đỡ (sửa lại)"),
    ("Corrected member who made the contact", "Thành viên đã tiếp xúc (sửa lại)"),
    (
        "Record it even though the case already has a contact that day",
        "Vẫn ghi dù hồ sơ đã có một lần tiếp xúc trong ngày đó",
    ),
    (
        "Record it even though the same support is already recorded that day",
        "Vẫn ghi dù lần giúp đỡ giống hệt đã được ghi trong ngày đó",
    ),
    (
        "Only rows dated in this period (reviews, supports, assignments)",
        "Chỉ các dòng có ngày trong kỳ này (reviews, supports, assignments)",
    ),
    (
        "Reviews or supports: the voided ones, with voided_on and void_reason",
        "Với reviews hoặc supports: các dòng đã hủy, kèm voided_on và void_reason",
    ),
    ("Only this ward (code or name)", "Chỉ phường này (mã hoặc tên)"),
    ("Only this organization (code or name)", "Chỉ đoàn thể này (mã hoặc tên)"),
    ("Only this member (id or name)", "Chỉ thành viên này (mã số hoặc họ tên)"),
    ("Text in the member's name (ignores case and accents)", "Chữ có trong tên thành viên (không phân biệt hoa thường, dấu)"),
    (
        "Who has reported: each member's (ward's, organization's) open cases and how many were contacted",
        "Ai đã báo cáo: số hồ sơ đang quản lý của từng thành viên (phường, đoàn thể) và số đã được tiếp xúc",
    ),
    // period (SPEC §19, sent periods)
    ("Periods sent to the city: list them; reopen one to correct it and send its next revision", "Các kỳ đã gửi lên thành phố: liệt kê; mở lại một kỳ để sửa và gửi lần tiếp theo"),
    ("Every revision of every period sent (`report package`), and whether it is still locked", "Mọi lần gửi của mọi kỳ (`report package`), và kỳ còn khóa hay không"),
    ("Unlock a sent period so writes dated in it are accepted again; its next package is the next revision", "Mở khóa một kỳ đã gửi để lại ghi được các việc có ngày trong kỳ; gói báo cáo tiếp theo là lần gửi tiếp theo"),
    ("The period, as -p takes it (2022-Q1, 2022-05, 2022, quý I/2022, …)", "Kỳ, viết như với -p (2022-Q1, 2022-05, 2022, quý I/2022, …)"),
    ("Why it is reopened (recorded in the audit log and in `period list`)", "Lý do mở lại (ghi vào nhật ký và hiện trong `period list`)"),
    // city register
    ("The city register: wards' signed packages in, the city's figures out", "Sổ của thành phố: nhận gói có chữ ký của các phường, cộng số liệu của thành phố"),
    ("Create a city register (a new file, mode 0600)", "Tạo sổ của thành phố (tệp mới, quyền 0600)"),
    ("The city's name, e.g. \"TP. Hồ Chí Minh\"", "Tên thành phố, ví dụ \"TP. Hồ Chí Minh\""),
    ("Encrypt the city register (SQLCipher), as `init --encrypt` does a ward's", "Mã hóa sổ của thành phố (SQLCipher), như `init --encrypt` với sổ của phường"),
    ("The wards (units) whose packages the city receives", "Các phường (đơn vị) mà thành phố nhận gói"),
    ("Add packages (all the files, or none if one is refused)", "Thêm các gói (tất cả các tệp, hoặc không tệp nào nếu có một tệp bị từ chối)"),
    ("Package files written by `mh51 report package`", "Các tệp gói do `mh51 report package` ghi"),
    ("Every unit: received or missing for the period, revision, when, audit head", "Mọi đơn vị: đã nhận hay còn thiếu cho kỳ, lần gửi, thời điểm, đầu chuỗi nhật ký"),
    ("Period the packages were made for, as the wards gave it (2022-Q1, 2022, …)", "Kỳ mà các gói được lập, đúng như phường đã gửi (2022-Q1, 2022, …)"),
    ("The wards' figures added up", "Số liệu của các phường được cộng lại"),
    ("People counted by two or more units, found by their linking tokens (no names)", "Người được hai đơn vị trở lên cùng tính, tìm qua mã liên kết (không có họ tên)"),
    ("The city's brief for a meeting, as one HTML page with charts by unit", "Báo cáo giao ban của thành phố: một trang HTML có biểu đồ theo đơn vị"),
    ("The page to write (FILE.html; created 0600, never overwritten)", "Trang được ghi (TỆP.html; tạo với quyền 0600, không bao giờ ghi đè)"),
    ("Verify the city's audit chain, every row against it, every package against its unit's key", "Kiểm tra chuỗi nhật ký của thành phố, mọi dòng so với nhật ký, mọi gói so với khóa của đơn vị"),
    ("Register a ward by its unit code, name and public key", "Đăng ký một phường bằng mã đơn vị, tên và khóa công khai"),
    ("The ward's unit code (its `settings unit_code`)", "Mã đơn vị của phường (`settings unit_code` của phường)"),
    ("The ward's name", "Tên phường"),
    ("The ward's public key: the 64 hex digits `mh51 key show` prints, or @FILE to read them from a file", "Khóa công khai của phường: 64 chữ số hex do `mh51 key show` in ra, hoặc @TỆP để đọc từ tệp"),
    ("The registered units with their keys' fingerprints", "Các đơn vị đã đăng ký kèm dấu vân tay khóa"),
    ("The summary added up: by unit, or by organization or category across units", "Báo cáo tổng hợp được cộng: theo đơn vị, hoặc theo đoàn thể hay diện qua mọi đơn vị"),
    ("The quota (1 January to the period's end) added up: by unit or by organization", "Chỉ tiêu (từ 1 tháng 1 đến cuối kỳ) được cộng: theo đơn vị hoặc theo đoàn thể"),
    ("The contacts added up: by unit or by organization", "Tiếp xúc được cộng: theo đơn vị hoặc theo đoàn thể"),
];

/// clap's fixed English words in help and error messages → Vietnamese, applied in order to
/// the rendered text.
pub const CLAP_VI: &[(&str, &str)] = &[
    ("Usage:", "Cách dùng:"),
    ("Commands:", "Lệnh:"),
    ("Options:", "Tùy chọn:"),
    ("Arguments:", "Tham số:"),
    ("Possible values:", "Giá trị có thể:"),
    ("[possible values: ", "[giá trị có thể: "),
    ("[default:", "[mặc định:"),
    ("[env:", "[biến môi trường:"),
    ("[subcommands: ", "[lệnh con: "),
    ("[OPTIONS]", "[TÙY CHỌN]"),
    ("<COMMAND>", "<LỆNH>"),
    ("[COMMAND]", "[LỆNH]"),
    ("For more information, try ", "Xem thêm: "),
    ("tip:", "gợi ý:"),
    (" a similar subcommand exists: ", " có lệnh gần giống: "),
    (" a similar argument exists: ", " có tùy chọn gần giống: "),
    (" a similar value exists: ", " có giá trị gần giống: "),
    (" some similar subcommands exist: ", " có các lệnh gần giống: "),
    (" some similar arguments exist: ", " có các tùy chọn gần giống: "),
    (" some similar values exist: ", " có các giá trị gần giống: "),
    ("to pass ", "để truyền "),
    (" as a value, use ", " làm giá trị, dùng "),
    ("unexpected argument ", "đối số không mong đợi "),
    ("unexpected value ", "giá trị không mong đợi "),
    ("; no more were expected", "; không cần thêm giá trị"),
    ("invalid value ", "giá trị không hợp lệ "),
    ("a value is required for ", "cần một giá trị cho "),
    (" but none was supplied", " nhưng không có"),
    ("unrecognized subcommand ", "không có lệnh "),
    ("the following required arguments were not provided:", "thiếu các tham số bắt buộc sau:"),
    (" requires a subcommand but one was not provided", " cần một lệnh con"),
    ("the argument ", "tùy chọn "),
    (" cannot be used multiple times", " chỉ được dùng một lần"),
    (" cannot be used with", " không dùng chung được với"),
    ("invalid UTF-8 was detected in one or more arguments", "có tham số không phải văn bản UTF-8"),
    ("' found", "'"),
    (" for '", " cho '"),
];

/// Whether the reader's language is Vietnamese, from the raw arguments and environment, as
/// `main` decides it after parsing: `--lang vi|en` (anywhere before `--`), else `MH51_LANG`,
/// else `LANG` starting with `vi`.
pub fn peek_vi(args: &[OsString]) -> bool {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut from_args = None;
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            from_args = it.next().map(|v| v.to_string());
        } else if let Some(v) = a.strip_prefix("--lang=") {
            from_args = Some(v.to_string());
        }
    }
    let lang = from_args.or_else(|| std::env::var("MH51_LANG").ok());
    match lang.as_deref() {
        Some(l) if l.eq_ignore_ascii_case("vi") => true,
        Some(l) if l.eq_ignore_ascii_case("en") => false,
        _ => vi_from_locale(),
    }
}

/// Without `--lang` or `MH51_LANG`: Vietnamese when the locale (`LANG`) is (SPEC §4).
pub fn vi_from_locale() -> bool {
    std::env::var("LANG").is_ok_and(|l| l.starts_with("vi"))
}

fn lookup(en: &str) -> Option<&'static str> {
    HELP_VI.iter().find(|(e, _)| *e == en).map(|(_, v)| *v)
}

fn tr(s: Option<&StyledStr>) -> Option<&'static str> {
    s.and_then(|t| lookup(&t.to_string()))
}

/// The command tree with every about and help text in Vietnamese (those without a
/// translation stay English). The tree is built first so that clap's own `--help`,
/// `--version` and `help` are in it too.
pub fn translate(mut cmd: Command) -> Command {
    cmd.build();
    translate_built(cmd)
}

fn translate_built(mut cmd: Command) -> Command {
    if let Some(v) = tr(cmd.get_about()) {
        cmd = cmd.about(v);
    }
    if let Some(v) = tr(cmd.get_long_about()) {
        cmd = cmd.long_about(v);
    }
    let ids: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |mut a| {
            if let Some(v) = tr(a.get_help()) {
                a = a.help(v);
            }
            if let Some(v) = tr(a.get_long_help()) {
                a = a.long_help(v);
            }
            a
        });
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name, translate_built);
    }
    cmd
}

/// clap's own words in a rendered help or error, in Vietnamese.
pub fn clap_words(text: &str) -> String {
    let mut s = text.replace(&format!("{}:", crate::cli::GLOBAL), &crate::w!(true, "help-global-options"));
    for (en, vi) in CLAP_VI {
        s = s.replace(en, vi);
    }
    // Possible values' own help (`--help`) is not reachable through the tree: replace it
    // in the text.
    for (en, vi) in HELP_VI {
        s = s.replace(&format!(" {en}\n"), &format!(" {vi}\n"));
    }
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Every about/help text of the tree (after build), with where it is, for the test below
/// and for translators.
pub fn texts(cmd: &Command) -> Vec<(String, String)> {
    let mut out = Vec::new();
    fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        let here = if path.is_empty() { cmd.get_name().to_string() } else { format!("{path} {}", cmd.get_name()) };
        for s in [cmd.get_about(), cmd.get_long_about()].into_iter().flatten() {
            out.push((here.clone(), s.to_string()));
        }
        for a in cmd.get_arguments() {
            for s in [a.get_help(), a.get_long_help()].into_iter().flatten() {
                out.push((format!("{here} {}", a.get_id()), s.to_string()));
            }
            for pv in a.get_possible_values() {
                if let Some(h) = pv.get_help() {
                    out.push((format!("{here} {} {}", a.get_id(), pv.get_name()), h.to_string()));
                }
            }
        }
        for s in cmd.get_subcommands() {
            walk(s, &here, out);
        }
    }
    walk(cmd, "", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_help_text_is_translated() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        // One line per English text, with one place it is used.
        let mut missing: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
        for (at, en) in texts(&cmd) {
            if lookup(&en).is_none() {
                missing.entry(en).or_insert(at);
            }
        }
        let missing: Vec<String> = missing.iter().map(|(en, at)| format!("{en:?} (at `{at}`)")).collect();
        assert!(
            missing.is_empty(),
            "help texts without a Vietnamese translation in cli_vi::HELP_VI:\n{}",
            missing.join("\n")
        );
    }

    /// Every command and every argument says what it is for (an empty help line is no help in
    /// either language).
    #[test]
    fn every_command_and_argument_has_help() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            let here = if path.is_empty() { cmd.get_name().to_string() } else { format!("{path} {}", cmd.get_name()) };
            if cmd.get_about().is_none() && !path.is_empty() {
                missing.push(here.clone());
            }
            for a in cmd.get_arguments() {
                if a.get_help().is_none() && a.get_long_help().is_none() {
                    missing.push(format!("{here} {}", a.get_id()));
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, &here, missing);
            }
        }
        walk(&cmd, "", &mut missing);
        assert!(missing.is_empty(), "without help:\n{}", missing.join("\n"));
    }

    #[test]
    fn translated_tree_is_vietnamese() {
        let cmd = translate(crate::cli::Cli::command());
        let help = clap_words(&cmd.clone().render_help().to_string());
        assert!(help.contains("Cách dùng:") && help.contains("Lệnh:") && help.contains("Tùy chọn:"), "{help}");
        assert!(!help.contains("Usage:") && !help.contains("Options:"), "{help}");
    }

    #[test]
    fn language_is_peeked_from_the_arguments() {
        let a = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert!(peek_vi(&a(&["mh51", "--lang", "vi", "list"])));
        assert!(peek_vi(&a(&["mh51", "list", "--lang=vi"])));
        assert!(!peek_vi(&a(&["mh51", "--lang", "en", "list"])));
        assert!(!peek_vi(&a(&["mh51", "--lang", "vi", "--lang", "en", "list"])));
    }
}
