### Những cách gọi khác mà mh51 chấp nhận cho mỗi giá trị (SPEC §18), ngoài mã, nhãn tiếng Việt,
### nhãn tiếng Anh và tiêu đề cột; không phân biệt hoa thường và dấu. Các cách gọi cách nhau
### bởi dấu |. Mã số: alias-<danh mục>-<mã>.

alias-reason-progressed = tiến bộ | đã tiến bộ | Tiến bộ, đưa ra khỏi diện
alias-reason-moved = chuyển đi | chuyển nơi cư trú | chuyển nơi ở
alias-reason-deceased = qua đời | chết | đã mất | từ trần
alias-reason-reoffended = tái phạm | bị bắt | tái phạm, bị bắt
alias-reason-institution = đưa vào cơ sở | cai nghiện bắt buộc | trường giáo dưỡng | cơ sở giáo dục bắt buộc
alias-reason-other = lý do khác
alias-kind-job = việc làm | giới thiệu việc làm | tạo việc làm
alias-kind-loan = vốn | hỗ trợ vốn | cho vay | vay vốn
alias-kind-training = học nghề | dạy nghề | đào tạo nghề
alias-kind-gift = quà | tặng quà | quà tặng
alias-kind-other = hình thức khác
alias-gender-male = nam | đàn ông
alias-gender-female = nữ | phụ nữ | đàn bà
alias-org-MTTQ = Mặt trận | Mặt trận Tổ quốc | MTTQ phường | Ủy ban Mặt trận Tổ quốc
alias-org-CA = Công an
alias-org-PN = Hội Phụ nữ | Phụ nữ | Hội LHPN
alias-org-TN = Đoàn thanh niên | Thanh niên | Đoàn TNCS Hồ Chí Minh
alias-org-CCB = Cựu chiến binh
alias-org-NCT = Người cao tuổi
alias-category-prison = chấp hành xong án | ra tù | mãn hạn tù
alias-category-drugs = ma túy | nghiện ma túy | sau cai nghiện
