### Sổ của thành phố (SPEC §19): city init, unit, add, status, report, duplicates, brief, check.

## Loại tệp.
city-not-a-ward = '{ $path }' là sổ của thành phố (tạo bằng `mh51 city init`), không phải sổ của phường: hãy dùng các lệnh `mh51 city …` với tệp này, hoặc chỉ sổ của phường bằng --db
city-ward-register = '{ $path }' là sổ của phường, không phải sổ của thành phố: các lệnh `mh51 city …` cần tệp tạo bằng `mh51 city init` (chỉ bằng --db hoặc MH51_DB)
city-not-a-city = '{ $path }' không phải sổ của thành phố (không do `mh51 city init` tạo)
city-too-new = sổ thành phố '{ $path }' có phiên bản { $version }, mới hơn phiên bản mh51 này hiểu ({ $known }); hãy nâng cấp mh51 — tệp không bị thay đổi
## city init.
city-name-what = tên thành phố
city-created = đã tạo sổ thành phố { $path } cho { $name }
## city unit add / list.
city-unit-name-what = tên đơn vị
city-unit-code-invalid = mã đơn vị không hợp lệ '{ $code }': 1 đến 64 chữ cái, chữ số, '-', '_' hoặc '.' (là `settings unit_code` của phường)
city-unit-exists = đơn vị { $code } đã được đăng ký ({ $name }); mã và khóa của đơn vị không bao giờ bị thay đổi
city-unit-key-taken = khóa này đã được đăng ký cho đơn vị { $other }: mỗi phường có khóa riêng (lệnh `mh51 key show` của phường)
city-unit-added = đã đăng ký đơn vị { $unit } với khóa { $fingerprint } (hãy đọc lại cho phường để xác nhận)
city-units-title = { $name } — các đơn vị đã đăng ký
## city add.
city-add-refused = '{ $file }': { $why }; không có gì được thêm (các tệp của một lệnh `city add` được thêm tất cả cùng lúc hoặc không tệp nào)
city-add-not-a-file = đây không phải là tệp
city-add-too-big = tệp có { $bytes } byte, nhiều hơn mức một gói có thể có ({ $max })
city-add-unknown-unit = gói của đơn vị '{ $unit }', đơn vị này chưa được đăng ký: hãy đăng ký trước bằng `mh51 city unit add { $unit } TÊN --key KHÓA`
city-add-other-unit-key = gói ghi là của đơn vị { $unit } nhưng được ký bằng khóa đã đăng ký cho đơn vị { $other }
city-add-unknown-key = gói ghi là của đơn vị { $unit } nhưng được ký bằng một khóa thành phố chưa đăng ký (dấu vân tay { $fingerprint }); khóa đã đăng ký của đơn vị { $unit } là { $registered }
city-add-older = đơn vị { $unit } kỳ { $from } đến { $to }: lần gửi { $revision } cũ hơn lần gửi { $held } mà thành phố đang giữ
city-add-same-revision = đơn vị { $unit } kỳ { $from } đến { $to }: lần gửi { $revision } đã có với nội dung khác (phường gửi gói đã sửa thành một lần gửi mới)
city-add-added = { $file }: đã thêm đơn vị { $unit }, { $from } đến { $to }, lần gửi { $revision } ({ $tokens } mã liên kết)
city-add-replaced = { $file }: đã thêm đơn vị { $unit }, { $from } đến { $to }, lần gửi { $revision }, thay cho lần gửi { $old } (vẫn được giữ)
city-add-held = { $file }: đã có sẵn (đơn vị { $unit }, { $from } đến { $to }, lần gửi { $revision }); không có gì thay đổi
## city status.
city-status-title = { $name } — các gói đã nhận cho { $period }
city-status-counts = { $units } đơn vị: { $received } đã nhận, { $missing } còn thiếu; đầu chuỗi nhật ký của thành phố { $head }
city-status-received = đã nhận
city-status-missing = còn thiếu
## city report.
city-by-unit = theo đơn vị
city-by-org = theo đoàn thể
city-by-category = theo diện
city-title-summary = { $name } — Báo cáo tổng hợp { $period }, { $by }: cộng các gói của phường
city-title-quota = { $name } — Báo cáo chỉ tiêu từ { $from } đến { $to }, { $by }: cộng các gói { $period } của phường
city-title-contacts = { $name } — Tiếp xúc { $period }, { $by }: cộng các gói của phường
city-sheet-summary = Tổng hợp
city-sheet-quota = Chỉ tiêu
city-sheet-contacts = Tiếp xúc
city-report-missing = { $count } trong { $units } đơn vị chưa gửi gói cho kỳ này và không có trong số liệu: { $list } (xem `mh51 city status`)
city-report-no-packages = thành phố không có gói nào cho kỳ { $from } đến { $to }: báo cáo của thành phố chỉ cộng đúng các kỳ phường đã gửi (không bao giờ cộng các quý thành năm); các kỳ đang có: { $held }
city-xlsx-needs-file = -f xlsx ghi tệp Excel nên cần -o TỆP, ví dụ -o thanh-pho.xlsx
## city duplicates.
city-duplicates-title = { $name } — người được hai đơn vị cùng tính, { $period } (mã liên kết; không có họ tên)
city-duplicates-found = { $strong } trùng chắc chắn (số định danh) và { $weak } trùng có thể (họ tên và năm sinh: hãy hỏi cả hai phường) trong { $packages } gói
city-duplicates-no-tokens = các gói không có mã liên kết (làm không có --link-key), nên không được so: { $units }
city-duplicates-other-key = khóa liên kết { $fingerprint } được dùng bởi: { $units } — mã làm bằng các khóa khác nhau không so được với nhau, nên các gói này chỉ được so với nhau
## city brief.
city-brief-html-only = báo cáo của thành phố được ghi ra TỆP.html, không phải '{ $path }'
city-brief-title = Báo cáo thành phố { $period }
city-brief-dates = Từ ngày { $from } đến ngày { $to }
city-brief-lead = { $sent } trong { $units } đơn vị đã gửi gói: { NUM($managed) } người được quản lý, { NUM($progressed) } người tiến bộ, { NUM($closing) } người cuối kỳ.
city-brief-missing = { $count } đơn vị chưa gửi gì cho kỳ này và không được tính: { $units }.
city-brief-key-figures = Số liệu chính
city-brief-by-unit = Theo đơn vị
city-brief-chart-managed = Số người được quản lý, theo đơn vị
city-brief-chart-quota = Chỉ tiêu đã đạt, từ { $from } đến { $to }, theo đơn vị
city-brief-chart-contacts = Hồ sơ đang quản lý đã được tiếp xúc, theo đơn vị
city-brief-axis-people = người
city-brief-axis-cases = hồ sơ
city-brief-footer = Mọi số liệu là của chính các phường, lấy từ gói có chữ ký, được cộng lại: mh51 city report summary|quota|contacts -p { $period }.
## city check.
city-check-ok = kiểm tra: sổ thành phố '{ $path }' toàn vẹn: { $units } đơn vị, { $packages } gói, mỗi gói đúng chữ ký của đơn vị và khớp với nhật ký; chuỗi nhật ký nguyên vẹn ({ $rows } dòng), đầu chuỗi { $head }
city-check-failed = kiểm tra: sổ thành phố '{ $path }' có { $count } lỗi:
city-check-integrity = tính toàn vẹn của SQLite: { $what }
city-check-foreign-keys = { $count } dòng trỏ tới đơn vị hoặc gói không tồn tại
city-check-chain = nhật ký bị đứt ở dòng { $seq }: { $why }
city-check-unit-differs = đơn vị { $unit } không đúng như nhật ký đã ghi (tên hoặc khóa bị đổi)
city-check-unit-unlogged = đơn vị { $unit } không có dòng nhật ký (được thêm ngoài mh51)
city-check-unit-gone = đơn vị { $unit } có trong nhật ký nhưng không có trong sổ (bị xóa ngoài mh51)
city-check-package-differs = gói { $package } không đúng như nhật ký đã ghi
city-check-package-unlogged = gói { $package } không có dòng nhật ký (được thêm ngoài mh51)
city-check-package-gone = gói số { $id } có trong nhật ký nhưng không có trong sổ (bị xóa ngoài mh51)
city-check-package-no-unit = gói { $package } không thuộc đơn vị nào đã đăng ký
city-check-package-signature = gói { $package } không còn đúng chữ ký của đơn vị (bị sửa sau khi được thêm)
city-check-package-content = gói { $package }: số liệu hoặc mã liên kết đã lưu không đúng với văn bản có chữ ký
## Tên cột và giá trị trong các bảng của thành phố.
city-col-unit = Đơn vị
city-col-unit-a = Đơn vị
city-col-unit-b = Đơn vị kia
city-col-case-a = Số hồ sơ
city-col-case-b = Số hồ sơ kia
city-col-match = Mức trùng
city-col-revision = Lần gửi
city-col-revisions = Số lần gửi đang giữ
city-col-received-at = Ngày nhận
city-col-made-at = Ngày lập
city-col-audit-head = Đầu chuỗi nhật ký của phường
city-col-fingerprint = Dấu vân tay
city-col-public-key = Khóa công khai
city-col-added-at = Ngày đăng ký
## demo --size city|small đã tạo tệp $db: các số liệu, và thời gian ($secs, một chữ số thập phân).
city-demo-built = đã tạo { $db }: { $wards } phường, { $members } thành viên, { $cases } hồ sơ ({ $released } đã ra khỏi diện, { $reassigned } phân công lại), { $reviews } lượt tiếp xúc, { $supports } lượt giúp đỡ trong { $secs } giây
