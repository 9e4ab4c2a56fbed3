### Bảng in ra màn hình (-f table). CSV, JSON và xlsx giữ mã TOTAL và unassigned cho các script.

## Dòng tổng của mọi báo cáo.
table-total = Tổng cộng
## Nhóm các đối tượng chưa được phân công thành viên.
table-unassigned = Chưa phân công

### Tiêu đề cột và các từ bảng hiển thị (output::label): mỗi khóa cột hoặc từ một dòng.
## `label-KHÓA`; cột `group` của báo cáo mang tên theo cái nó nhóm.
label-case_no = Số hồ sơ
label-person_id = Mã người
label-name = Họ tên
label-birth_year = Năm sinh
label-birth_date = Ngày sinh
label-gender = Giới tính
label-id_number = Số CCCD/CMND
label-address = Địa chỉ
label-ward = Phường
label-category = Diện
label-enrolled_on = Ngày vào diện
label-released_on = Ngày ra khỏi diện
label-reason = Lý do
label-credited_member_id = Thành viên được ghi nhận
label-member_id = Mã thành viên
label-member_name = Thành viên phụ trách
label-note = Ghi chú
label-org = Đoàn thể
label-last_contact = Tiếp xúc gần nhất
label-days_since = Số ngày
label-id = Mã
label-phone = Điện thoại
label-joined_on = Ngày tham gia
label-left_on = Ngày thôi tham gia
label-open_cases = Đang phụ trách
label-progressed_this_year = Tiến bộ trong năm
label-quota = Chỉ tiêu
label-start_on = Từ ngày
label-end_on = Đến ngày
label-reviewed_on = Ngày
label-class = Phân loại
label-given_on = Ngày
label-kind = Hình thức
label-amount = Số tiền (đ)
label-code = Mã
label-seq = STT
label-at = Thời điểm
label-actor = Người thực hiện
label-action = Thao tác
label-entity = Đối tượng
label-entity_key = Khóa
label-detail = Chi tiết
label-prev_hash = Băm trước
label-hash = Băm
label-status = Trạng thái
label-date = Ngày
label-event = Sự kiện
label-field = Mục
label-value = Giá trị
label-group = Nhóm
label-opening = Đầu kỳ
label-intake = Tiếp nhận
label-total_managed = Tổng số quản lý
label-progressed = Tiến bộ
label-moved = Chuyển đi
label-deceased = Qua đời
label-reoffended = Tái phạm
label-institution = Đưa vào cơ sở
label-other = Khác
label-exits = Ra khỏi diện
label-closing = Cuối kỳ
label-contacts = Lượt tiếp xúc
label-supports = Lượt giúp đỡ
label-loan_amount = Vốn hỗ trợ (đ)
label-members = Thành viên
label-target = Chỉ tiêu
label-achieved = Đạt
label-members_met = Thành viên đạt
label-shortfall = Còn thiếu
label-pct = { "%" }
label-cases = Hồ sơ
label-contacted = Đã tiếp xúc
label-not_contacted = Chưa tiếp xúc
label-voided_on = Ngày hủy
label-void_reason = Lý do hủy
label-open = đang quản lý
label-released = đã ra khỏi diện
label-unassigned = chưa phân công
label-enroll = đưa vào diện
label-assign = phân công
label-unassign = kết thúc phân công
label-review = tiếp xúc
label-support = giúp đỡ
label-release = đưa ra khỏi diện
label-move = chuyển phường
label-join = tham gia
label-merge = sáp nhập phường
label-from_on = Từ ngày
label-dissolved_on = Giải thể từ
label-successor = Sáp nhập vào
label-key = Mục
table-dictionary-name = Tên
## Tiêu đề cột nhóm của báo cáo theo tháng, theo quý.
table-group-month = Tháng
table-group-quarter = Quý
table-no-rows = (không có dòng nào)
## Bảng không vừa màn hình: $width số cột của màn hình, $count số cột đã ẩn, $hidden tên các
## cột đó (cách nhau bằng dấu phẩy).
table-hidden-columns = lưu ý: bảng không vừa { $width } cột của màn hình; đã ẩn { $count } cột: { $hidden } (thêm --wide để xem mọi cột)

## Tên các đoàn thể và diện có sẵn khi lập sổ (`dict-org-MÃ`, `dict-category-MÃ`): đúng tên sổ
## được lập với (một phép thử giữ chúng bằng nhau); chỉ hiện khi sổ còn giữ tên có sẵn đó.
## Tên phường thứ $n của sổ mới lập (`init --wards N`).
dict-ward-numbered = Phường { $n }
dict-org-mttq = Ủy ban MTTQ Việt Nam phường
dict-org-ca = Công an phường
dict-org-pn = Hội Liên hiệp Phụ nữ
dict-org-tn = Đoàn Thanh niên
dict-org-ccb = Hội Cựu chiến binh
dict-org-nct = Hội Người cao tuổi
dict-category-prison = Chấp hành xong án phạt tù
dict-category-amnesty = Đặc xá, tha tù trước thời hạn
dict-category-suspended = Án treo
dict-category-noncustodial = Cải tạo không giam giữ
dict-category-supervised = Quản chế
dict-category-ward_education = Giáo dục tại xã, phường
dict-category-institution_return = Từ trường giáo dưỡng, cơ sở giáo dục bắt buộc về
dict-category-drugs = Sử dụng trái phép chất ma túy, sau cai nghiện
dict-category-youth = Thanh thiếu niên vi phạm pháp luật
dict-category-record = Có tiền án, tiền sự
dict-category-other = Khác
