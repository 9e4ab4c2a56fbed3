### Báo cáo chính thức (report document, SPEC §20) theo thể thức Nghị định 30/2020/NĐ-CP.
### Văn bản luôn viết bằng tiếng Việt; bản tiếng Anh chỉ để đối chiếu.

doc-nation = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
doc-motto = Độc lập - Tự do - Hạnh phúc
## $number: số văn bản do người viết nhập (--number).
doc-number = Số: { $number }
doc-number-blank = Số:        /BC
## Ngày tháng theo Nghị định: ngày và tháng dưới 3 có số 0 ở trước ($day, $month đã viết sẵn).
doc-date = ngày { $day } tháng { $month } năm { $year }
doc-place-blank = ……………
doc-kind = BÁO CÁO
## $period: kỳ báo cáo bằng chữ ("quý I/2026").
doc-subject = Kết quả thực hiện mô hình “5+1” { $period }
doc-part-results = I. KẾT QUẢ THỰC HIỆN
doc-general = 1. Tình hình chung
doc-key-figures = 2. Số liệu chính
doc-col-item = Nội dung
## $period: kỳ trước bằng chữ.
doc-col-previous = Kỳ trước ({ $period })
doc-col-change = Tăng (+), giảm (−)
doc-no-change = không đổi
doc-opening = Đầu kỳ
doc-intake = Đưa vào diện quản lý
doc-total-managed = Tổng số đối tượng quản lý
doc-progressed = Tiến bộ, đưa ra khỏi diện
doc-exits = Ra khỏi diện (mọi lý do)
doc-closing = Cuối kỳ
doc-contacts = Lượt tiếp xúc, nhận xét
doc-supports = Lượt giúp đỡ
doc-loan = Hỗ trợ vốn (đồng)
doc-overdue = Quá hạn tiếp xúc hoặc chưa phân công (ngày cuối kỳ)
## Từ chỉ phường khi sổ chưa cài ward_label (tiêu đề cột và mục 3).
doc-ward = Phường
## $ward: từ chỉ phường của sổ (cài đặt ward_label), viết thường.
doc-by-ward = 3. Tổng hợp theo { $ward }
doc-total = Tổng cộng
doc-col-intake = Đưa vào
doc-col-total-managed = Tổng số quản lý
doc-col-progressed = Tiến bộ
doc-col-exits = Ra khỏi diện
doc-col-contacts = Tiếp xúc
doc-col-supports = Giúp đỡ
## $quota: số người mỗi thành viên phải giúp; $from, $to: ngày đầu và cuối.
doc-by-org = 4. Chỉ tiêu theo đoàn thể ({ $quota } người mỗi thành viên), từ ngày { $from } đến ngày { $to }
doc-col-org = Đoàn thể
doc-col-members = Thành viên
doc-col-target = Chỉ tiêu
doc-col-achieved = Đã đạt
doc-col-members-met = Thành viên đạt chỉ tiêu
doc-col-shortfall = Còn thiếu
doc-col-pct = Tỷ lệ %
doc-part-tasks = II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI
## $period: kỳ báo cáo bằng chữ.
doc-closing-line = Trên đây là báo cáo kết quả thực hiện mô hình “5+1” { $period }.
doc-recipients = Nơi nhận:
doc-archive = - Lưu: VT.
