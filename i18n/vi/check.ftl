### Điều mỗi quy tắc của `mh51 check` cấm (src/check.rs RULES).
check-rule-person-more-than-one-open = một người có nhiều hồ sơ đang quản lý
check-rule-two-cases-same-person-overlap = hai hồ sơ của cùng một người chồng lấn thời gian
check-rule-case-more-than-one-current = một hồ sơ có nhiều phân công hiện hành
check-rule-released-case-still-current-assignment = hồ sơ đã đưa ra khỏi diện vẫn còn phân công hiện hành
check-rule-two-assignments-case-overlap-time = hai phân công của một hồ sơ chồng lấn thời gian
check-rule-assignment-lies-outside-case-s = phân công nằm ngoài thời gian của hồ sơ
check-rule-review-dated-outside-case-s = lần tiếp xúc nằm ngoài thời gian của hồ sơ
check-rule-support-dated-outside-case-s = lần giúp đỡ nằm ngoài thời gian của hồ sơ
check-rule-release-incomplete-inconsistent-date-reason = thông tin đưa ra khỏi diện không nhất quán (ngày, lý do và ghi nhận đi cùng nhau)
check-rule-member-credited-with-progressed-release = thành viên được ghi nhận tiến bộ không tồn tại hoặc không hoạt động vào ngày đưa ra khỏi diện
check-rule-case-assigned-member-who-was = hồ sơ được phân công cho thành viên không hoạt động vào ngày bắt đầu phân công
check-rule-assignment-runs-past-day-member = phân công kéo dài sau ngày thành viên nghỉ
check-rule-review-recorded-by-member-who = lần tiếp xúc do thành viên không hoạt động vào ngày đó thực hiện
check-rule-support-recorded-by-member-who = lần giúp đỡ do thành viên không hoạt động vào ngày đó thực hiện
check-rule-identity-number-not-9-12 = số CCCD/CMND không phải 9 hoặc 12 chữ số
check-rule-identity-number-held-by-more = một số CCCD/CMND thuộc về nhiều người
check-rule-date-not-real-calendar-day = ngày không phải một ngày có thật dạng ISO (YYYY-MM-DD, từ năm 1900)
check-rule-date-future = ngày ở tương lai
check-rule-case-number-does-not-match = số hồ sơ không khớp năm và số thứ tự, hoặc năm không phải năm đưa vào diện
check-rule-member-left-before-joining = thành viên nghỉ trước ngày tham gia
check-rule-value-outside-vocabulary-limits = giá trị nằm ngoài danh mục hoặc giới hạn cho phép
check-rule-person-was-born-after-one = năm sinh sau năm đưa vào diện
check-rule-person-no-case = một người không có hồ sơ nào
check-rule-case-member-no-audit-row = hồ sơ hoặc thành viên không có dòng nhật ký (lịch sử bị cắt khỏi nhật ký)
check-rule-case-s-ward-history-does = lịch sử phường của hồ sơ không bắt đầu từ ngày đưa vào diện
check-rule-case-changes-ward-after-release = hồ sơ đổi phường sau ngày đưa ra khỏi diện
check-rule-case-s-ward-not-ward = phường của hồ sơ khác phường ở dòng lịch sử mới nhất
check-rule-case-ward-on-day-ward = hồ sơ thuộc một phường vào ngày phường đó không tồn tại
check-rule-member-s-ward-history-does = lịch sử phường của thành viên không bắt đầu từ ngày tham gia
check-rule-member-changes-ward-after-leaving = thành viên đổi phường sau ngày nghỉ
check-rule-member-s-ward-not-ward = phường của thành viên khác phường ở dòng lịch sử mới nhất
check-rule-member-ward-on-day-ward = thành viên thuộc một phường vào ngày phường đó không tồn tại
check-rule-dissolved-ward-s-successor-did = phường nhận sáp nhập không tồn tại vào ngày nhận

# check's words for what a problem is about (src/check.rs).
check-subject-case = hồ sơ
check-subject-person = người
check-subject-member = thành viên
check-subject-audit = dòng nhật ký
check-subject-ward = phường
check-subject-org = đoàn thể
check-subject-category = diện quản lý
check-subject-table = bảng
check-schema-missing = bị thiếu (schema.sql có định nghĩa)
check-schema-changed = khác với định nghĩa trong schema.sql
check-schema-added = không có trong schema.sql (được thêm ngoài mh51)
check-schema-kind-table = bảng
check-schema-kind-index = chỉ mục
check-schema-kind-trigger = trigger
check-schema-kind-view = view
check-schema-kind-other = đối tượng
## check thấy $n lỗi trong sổ $db, mỗi lỗi một dòng ($list).
check-found = kiểm tra thấy { $n } lỗi trong '{ $db }':
    { $list }
## check thấy $n trang hỏng trong sổ mã hóa $db ($list: tối đa 20, mỗi trang một dòng).
check-damaged-pages = kiểm tra thấy { $n } trang hỏng trong tệp mã hóa '{ $db }' (hãy khôi phục từ bản sao lưu):
    { $list }
## Một dòng của bước kiểm tra toàn vẹn SQLite (dòng đó theo sau).
check-sqlite-integrity-failed = kiểm tra toàn vẹn SQLite thất bại
## Khóa ngoại trỏ tới dòng không có (bảng cha theo sau).
check-refers-to-missing-row = tham chiếu tới dòng không tồn tại
## Chuỗi nhật ký đứt (lý do theo sau).
check-audit-chain-broken = chuỗi băm của nhật ký bị phá vỡ
## Việc ẩn danh những người ra khỏi diện trước $day bị ngắt giữa chừng.
check-anonymise-unfinished = sổ: việc ẩn danh (ra khỏi diện trước { $day }) chưa hoàn tất: giá trị cũ có thể vẫn đọc được trong tệp hoặc tệp -wal; hãy chạy `mh51 anonymise --finish`
## Sổ không có các bảng sổ cái.
check-no-ledger = sổ không có sổ cái (row_versions, ledger): không chứng minh được dữ liệu
## Khác biệt lược đồ: $kind (bảng, chỉ mục, trigger, view) $name, $what (check-schema-missing/changed/added).
check-schema-problem = lược đồ: { $kind } { $name } { $what }
## Một bước kiểm tra ($what) thất bại với lỗi $error.
check-could-not-run = không chạy được bước kiểm tra '{ $what }': { $error }
## Tên lưu chưa chuẩn.
check-name-not-clean = tên không được lưu chuẩn (cắt khoảng trắng, Unicode NFC)
## Cột *_fold không khớp với tên đã gập dấu.
check-fold-mismatch = khóa tìm kiếm không khớp với tên (tìm kiếm và kiểm tra trùng sẽ bỏ sót)
