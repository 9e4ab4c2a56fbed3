### Bảng in ra màn hình (-f table). CSV, JSON và xlsx giữ mã TOTAL và unassigned cho các script.

## Dòng tổng của mọi báo cáo.
table-total = Tổng cộng
## Nhóm các đối tượng chưa được phân công thành viên.
table-unassigned = Chưa phân công
