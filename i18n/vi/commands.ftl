### Refusals (commands), moved from the Rust source.

## src/cmd/brief.rs
brief-written-as-file = báo cáo giao ban được ghi ra TỆP.html hoặc TỆP.pdf, không phải '{ $output }'
chromium-no-such-program = --chromium '{ $path }': không có chương trình này; hãy chỉ đường dẫn tới Chromium hoặc Chrome, ví dụ { $example }
no-microsoft-edge-google = không có Microsoft Edge hoặc Google Chrome để in PDF (đã tìm trong thư mục cài đặt chuẩn ở Program Files và AppData\Local): hãy chỉ --chromium ĐƯỜNG_DẪN tới msedge.exe hoặc chrome.exe; hoặc ghi TỆP.html rồi in từ trình duyệt
no-chromium-print-pdf = không có Chromium để in PDF: hãy cài gói chromium (sudo apt install chromium), hoặc chỉ --chromium ĐƯỜNG_DẪN; hoặc ghi TỆP.html rồi in từ trình duyệt
did-not-finish-printing = { $browser } không in xong PDF trong { $print_timeout } giây

## src/cmd/document.rs
document-text-invalid = { $option } không hợp lệ '{ $value }': cần từ 1 đến { $max } ký tự
document-written-as-file = văn bản được ghi ra TỆP.docx (Word), không phải '{ $output }'
already-exists-choose-new = '{ $output }' đã tồn tại; hãy chọn tên tệp mới (mh51 không ghi đè tệp)

## src/cmd/export.rs
timeout-0-give-time = --timeout 0: hãy nhập giới hạn thời gian bằng giây, ít nhất 1

## src/cmd/import.rs
not-file-give-path = '{ $file }' không phải là tệp; hãy nhập đường dẫn tệp .csv, .xlsx, .xls hoặc .ods
cannot-read = không đọc được '{ $file }': { $value }
file-too-large = '{ $file }' có { $size_mb } MB; mh51 chỉ nhập tệp tới { $max_mb } MB — hãy chia thành nhiều tệp
sheet-for-workbooks-xlsx = --sheet chỉ dùng cho tệp bảng tính (.xlsx, .xls, .ods); '{ $file }' được đọc như tệp CSV
district-6-example-runs = ví dụ Quận 6 có dữ liệu tới { $last_day }, sau hôm nay ({ $today }); hãy kiểm tra ngày của máy

## src/cmd/protect.rs
there-no-terminal-type = { $what }: không có cửa sổ lệnh để gõ cụm mật khẩu; hãy cho bằng --key-file TỆP (hoặc MH51_KEY_FILE)
two-passphrases-differ-nothing = hai cụm mật khẩu khác nhau; không có gì bị thay đổi
check-finds-problem-s = `check` thấy { $problems_count } lỗi trong '{ $db }'; không có gì bị thay đổi: hãy chạy `mh51 check` và sửa trước
already-encrypted-not-mh51 = '{ $db }' đã được mã hóa (hoặc không phải sổ mh51); để đổi cụm mật khẩu hãy dùng `mh51 rekey`
not-encrypted-encrypt-it = '{ $db }' chưa được mã hóa; hãy mã hóa bằng `mh51 encrypt`
not-encrypted-for-copy = '{ $db }' chưa được mã hóa; để sao chép hãy dùng `mh51 backup TỆP`

## src/cmd/sheet.rs
sheet-written-as-file = phiếu được ghi ra TỆP.xlsx (bảng tính để điền), TỆP.pdf hoặc TỆP.html (mẫu để in), không phải '{ $output }'

## src/cmd/import.rs
demo-city-too-early = thành phố mẫu bắt đầu từ năm 2018; hôm nay ({ $today }) quá sớm
## Tên "quận" của thành phố mẫu (dữ liệu của sổ, luôn bằng tiếng Việt).
demo-city-district = TP. Hồ Chí Minh (dữ liệu mẫu)
demo-created = đã tạo { $db } — Quận 6, 14 phường: { $members } thành viên, { $cases } hồ sơ, { $reassignments } lần phân công lại, { $reviews } lần tiếp xúc, { $supports } lần giúp đỡ, { $left } thành viên đã nghỉ
try-mh51-db-report = thử: mh51 --db { $db } report summary -p 2022-01-01..2022-05-20 --by org

## src/cmd/protect.rs
choose-passphrase-at-least = Chọn cụm mật khẩu ít nhất { $min_passphrase } ký tự. Không có nó thì không đọc được sổ: không ai khôi phục được.
encrypted-place-checked-plain = đã mã hóa '{ $db }' tại chỗ (đã kiểm tra; tệp không mã hóa và -wal/-shm của nó đã bị xóa). Các bản sao lưu, tệp xuất và bản sao nâng cấp (*.vN.bak) làm trước đây vẫn chứa dữ liệu không mã hóa: hãy hủy chúng, hoặc cất giữ cẩn thận như cụm mật khẩu.
changed-passphrase-backups-made = đã đổi cụm mật khẩu của '{ $db }'. Các bản sao lưu làm trước đây vẫn mở bằng cụm mật khẩu cũ.
wrote-plain-unencrypted-copy = đã ghi bản sao không mã hóa vào '{ $output }' (quyền 0600). Ai có tệp này đều đọc được: hãy xóa khi dùng xong.
finished-anonymisation-persons-released = đã hoàn tất việc ẩn danh những người ra khỏi diện trước { $date }: tệp đã được dựng lại và WAL đã được làm trống, không còn giá trị cũ nào trong '{ $db }'
no-anonymisation-was-unfinished = không có việc ẩn danh nào của '{ $db }' còn dở; tệp vẫn được dựng lại và WAL được làm trống

## src/cmd/safety.rs
check-sound-sqlite-integrity = kiểm tra: '{ $db }' toàn vẹn: SQLite và khóa ngoại đúng, { $rules } quy tắc của sổ đúng trên { $cases } hồ sơ, chuỗi nhật ký nguyên vẹn ({ $audit_rows } dòng)
check-every-row-matches = kiểm tra: mọi dòng khớp với nhật ký ({ $rows_proved } dòng trong { $tables } bảng), lược đồ đúng như schema.sql
check-older-layout = kiểm tra: '{ $db }' được mã hóa theo cách sắp trang mặc định của SQLCipher 4 (trang 4 KiB, HMAC-SHA512), như mh51 bản trước đã ghi; `mh51 rekey` ghi lại sổ theo cách sắp trang nhanh hơn của mh51 (docs/encryption.md)
check-eight-layout = kiểm tra: '{ $db }' được mã hóa theo cách sắp trang mh51 đã ghi từ ngày 3 đến ngày 7 tháng 12 năm 2026 (trang 8 KiB, HMAC-SHA256); `mh51 rekey` ghi lại sổ theo cách sắp trang nhanh hơn của mh51, trang 16 KiB (docs/encryption.md)
already-at-schema-version = '{ $db }' đã ở phiên bản { $to }; không có gì phải làm
upgraded-from-schema-version = đã nâng cấp '{ $db }' từ phiên bản { $from } lên { $to }; sổ như trước khi nâng cấp được giữ trong '{ $backup }'

## src/cmd/wards.rs
wrote-register-ward-s = đã ghi { $dest }: sổ của phường { $wards } — { $persons } người, { $cases } hồ sơ, { $members } thành viên; đặt tên bằng `mh51 --db { $dest } settings district TÊN`

## src/cmd/write.rs
created-with-wards-6 = đã tạo { $db } với { $wards } phường, 6 đoàn thể, chỉ tiêu { $quota }

show-title-case = Hồ sơ
show-title-timeline = Diễn biến
show-title-other-cases = Các hồ sơ khác của người này
show-title-member = Thành viên
show-title-member-cases = Hồ sơ phụ trách (✓ = được ghi nhận)
show-title-ward-history = Lịch sử phường
report-by-ward = phường
report-by-org = đoàn thể
report-by-category = diện
report-by-month = tháng
report-by-quarter = quý
report-by-member = thành viên
report-sheet-summary = Tổng hợp
report-sheet-quota = Chỉ tiêu
report-sheet-overdue = Quá hạn
report-sheet-contacts = Tiếp xúc
report-period-span = { $words } (từ { $from } đến { $to })
report-structure-on = , gộp theo phường ngày { $date }
report-scope-only = — chỉ { $parts }
report-title-summary = Báo cáo tổng hợp { $when }, theo { $by }
report-title-quota = Báo cáo chỉ tiêu ({ $n } người mỗi thành viên), { $when }, theo { $by }
report-title-overdue = Hồ sơ quá hạn tính đến ngày { $on }: quá { $days } ngày chưa tiếp xúc, hoặc chưa phân công
report-title-contacts = Tiếp xúc { $when }, theo { $by }: hồ sơ đang quản lý ngày { $on } và số đã được tiếp xúc

# The register file: opening, keys, versions, replacing (src/db.rs).
db-passphrase-short = cụm mật khẩu có { $n } ký tự; cần ít nhất { $min } (một câu ngắn dễ nhớ mà khó đoán)
db-needs-key = '{ $path }' đã được mã hóa (hoặc không phải sổ mh51): hãy cho cụm mật khẩu bằng --key-file TỆP (hoặc MH51_KEY_FILE), hoặc chạy mh51 trong cửa sổ lệnh để gõ
db-wrong-key = cụm mật khẩu sai, hoặc '{ $path }' không phải sổ mh51; tệp không bị thay đổi
db-damaged = '{ $path }' bị hỏng (bị cắt ngắn, hoặc có trang không qua kiểm tra), không phải do cụm mật khẩu; không có gì bị thay đổi: hãy chạy `mh51 check`, và khôi phục từ bản sao lưu nếu check không đọc được
db-side-file-exists = '{ $side }' có sẵn cạnh '{ $path }' (do một tệp cùng tên trước đây để lại; SQLite sẽ đưa nó vào sổ mới): hãy chuyển nó đi hoặc chọn tên khác
db-older-read-only = '{ $path }' do mh51 cũ hơn ghi (phiên bản { $version }, mh51 này ghi phiên bản { $current }); lệnh này chỉ đọc nên không nâng cấp sổ: hãy chạy `mh51 migrate` (lệnh này sao lưu trước) — tệp không bị thay đổi
db-newer = cơ sở dữ liệu '{ $path }' có phiên bản { $version }, mới hơn phiên bản mh51 này hiểu ({ $current }); hãy nâng cấp mh51 — tệp không bị thay đổi
db-version-zero = '{ $path }' không phải cơ sở dữ liệu mh51 (phiên bản 0)
db-not-sqlite = '{ $path }' không phải cơ sở dữ liệu mh51 (không phải tệp SQLite)
db-held-open = '{ $path }' đang được một chương trình khác mở nên Windows không cho thay thế ({ $error }); hãy đóng mọi cửa sổ mh51 và chương trình khác đang dùng sổ rồi chạy lại — không có gì bị thay đổi
db-in-use = '{ $path }' đang được dùng (một lệnh khác đang đọc hoặc ghi); hãy chạy lại khi không ai dùng sổ — không có gì bị thay đổi
db-stayed-locked = '{ $path }' bị một lệnh khác (encrypt, rekey, nhập dữ liệu…) khóa suốt { $seconds } giây; hãy chạy lại — không có gì bị thay đổi
db-replaced-meanwhile = '{ $path }' vừa được thay bằng tệp khác (do encrypt hoặc rekey ở cửa sổ khác); hãy chạy lại lệnh — không có gì bị thay đổi
db-replaced-while-opening = '{ $path }' bị thay bằng tệp khác ngay lúc đang mở (do encrypt hoặc rekey ở cửa sổ khác); hãy chạy lại lệnh — không có gì bị thay đổi
## Cần cụm mật khẩu cho việc gì ($what của there-no-terminal-type).
a-new-passphrase-is-needed = cần một cụm mật khẩu mới
## Lời hỏi cụm mật khẩu trên màn hình (theo sau là một dấu cách).
prompt-passphrase = Cụm mật khẩu:
prompt-new-passphrase = Cụm mật khẩu mới:
prompt-again = Nhập lại:
## anonymise (hoặc chạy thử): bao nhiêu người, ra khỏi diện trước $day; ghi chú đã xóa; số điện thoại đã xóa.
anonymise-done = { $dry_run ->
    [yes] sẽ ẩn danh (chạy thử, không ghi gì)
   *[no] đã ẩn danh
} { $persons } người có mọi hồ sơ đã ra khỏi diện trước { $day }; xóa ghi chú của { $case_notes } hồ sơ, { $review_notes } lượt tiếp xúc, { $support_notes } lượt giúp đỡ; xóa số điện thoại của { $member_phones } thành viên đã nghỉ trước { $day }
## anonymise đã lưu nhưng không xóa sạch được tệp ($path), lỗi $error.
anonymise-scrub-failed = việc ẩn danh (ra khỏi diện trước { $day }) đã được lưu, nhưng giá trị cũ có thể vẫn đọc được trong '{ $path }' hoặc tệp -wal của nó: { $error }. Hãy chạy `mh51 anonymise --finish` khi không lệnh nào khác đang dùng sổ
## Đường dẫn của tệp mới ($path) đã có tệp.
file-exists-never-overwrite = '{ $path }' đã tồn tại; mh51 không ghi đè tệp: hãy chọn tên mới
## Đường dẫn của tệp mới ($path) không phải tên tệp (một thư mục, hoặc rỗng).
not-a-file-name = '{ $path }' không phải tên tệp: hãy cho đường dẫn của một tệp mới
## Thư mục ($folder) của đường dẫn tệp mới ($path) không có.
folder-does-not-exist = thư mục '{ $folder }' không tồn tại; hãy tạo trước hoặc chọn đường dẫn khác cho '{ $path }'
## Báo cáo -f xlsx mà không có -o.
xlsx-needs-output = -f xlsx ghi tệp Excel nên cần -o TỆP, ví dụ -o bao-cao.xlsx
## Người thực hiện (--actor, MH51_ACTOR, người dùng của máy), như lời từ chối ký tự của nó gọi.
word-actor = người thực hiện
