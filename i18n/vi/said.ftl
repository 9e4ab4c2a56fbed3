# What a write says it recorded, on a terminal (SPEC §17; cmd/said.rs): the words around
# the values, which the code puts together.

said-today = (hôm nay)
said-yesterday = (hôm qua)
said-ward = phường
said-no-member = chưa có thành viên
said-member = thành viên
said-class = loại
said-on = ngày
said-enrolled-case = đã đưa vào diện hồ sơ
said-assigned-case = đã phân công hồ sơ
said-to = cho
said-from = từ ngày
said-released-case = đã đưa ra khỏi diện hồ sơ
said-reason = lý do:
said-credited-to = ghi nhận cho
said-reopened-case = đã mở lại hồ sơ
said-moved-case = đã chuyển hồ sơ
said-now-in = nay ở
said-corrected-case = đã sửa hồ sơ
said-added-member = đã thêm thành viên
said-joined = tham gia ngày
said-leaves-last-day = nghỉ; ngày cuối
said-moved-member = đã chuyển thành viên
said-corrected-member = đã sửa thành viên
said-contact = tiếp xúc
said-support = giúp đỡ
said-voided = đã hủy
said-corrected = đã sửa
said-recorded = đã ghi
