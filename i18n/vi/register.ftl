### Mở sổ: các thông báo khi không tìm thấy sổ.

## $path: tên tệp như người dùng gõ (hoặc mặc định); $folder: thư mục đã tìm.
db-missing = không có cơ sở dữ liệu '{ $path }' (đã tìm trong thư mục { $folder }); hãy chỉ tệp khác bằng --db ĐƯỜNG_DẪN hoặc biến môi trường MH51_DB, hoặc tạo mới bằng `mh51 init --db { $path }` (hoặc thử `mh51 demo`)

### Thông báo về cả sổ.
## Đầu chuỗi nhật ký (SPEC §16).
audit-no-head = sổ không có sổ cái nên không có đầu chuỗi: hãy chạy mh51 check
audit-head-said = đầu chuỗi nhật ký: { $head } (hãy ghi lại: `mh51 audit verify --head { $head }` sau này chứng minh không có gì trước nó bị viết lại)
## Việc ẩn danh bị gián đoạn; $day: ngày "ra khỏi diện trước".
anonymise-unfinished = cảnh báo: việc ẩn danh (ra khỏi diện trước { $day }) chưa hoàn tất: giá trị cũ có thể vẫn đọc được trong '{ $path }' hoặc tệp -wal của nó; hãy hoàn tất bằng `mh51 anonymise --finish` khi không lệnh nào khác đang dùng sổ
## -f xlsx với lệnh không phải báo cáo.
xlsx-reports-only = -f xlsx chỉ dùng cho báo cáo (`mh51 report … -f xlsx -o TỆP`); ở đây hãy dùng table, csv hoặc json
## `mh51 settings KHÓA` không có giá trị.
settings-no-value = hãy nhập giá trị cho '{ $key }', ví dụ `mh51 settings { $key } "…"` (hoặc `mh51 settings` để xem)
## audit verify --head với giá trị không phải SỐ:MÃ ($typed).
audit-not-a-head = '{ $typed }' không phải đầu chuỗi: hãy cho SỐ:MÃ như `mh51 audit head` in ra (số dòng, dấu hai chấm, 64 chữ số thập lục phân)
## Chuỗi nhật ký đứt tại dòng $seq; $what nói lý do.
audit-chain-broken = chuỗi nhật ký bị phá vỡ tại dòng { $seq }: { $what }
## Dữ liệu so với sổ cái: $n lỗi, mỗi lỗi một dòng ($list).
audit-data-do-not-match = dữ liệu không khớp với nhật ký ({ $n } lỗi):
    { $list }
## Đầu chuỗi đã cho ($seq:$hash) vẫn là đầu chuỗi của sổ cái tại dòng đó.
audit-head-held = nhật ký vẫn giữ nguyên đầu chuỗi { $seq }:{ $hash }, và mọi dòng sau nối tiếp nó
## Mã đã cho là mã của riêng dòng nhật ký $seq.
audit-row-held = nhật ký vẫn giữ dòng { $seq } với mã { $hash } (mã của riêng dòng nhật ký: chứng minh nhật ký; `mh51 audit head` cho mã chứng minh cả dữ liệu)
## Dòng $seq của đầu chuỗi ở sau cuối nhật ký ($last).
audit-head-row-gone = dòng nhật ký { $seq } của đầu chuỗi { $seq }:{ $hash } không còn trong nhật ký (nhật ký kết thúc ở dòng { $last }): nhật ký đã bị cắt hoặc viết lại từ khi ghi đầu chuỗi
## Mã của dòng $seq nay là $now, không phải $hash.
audit-head-rewritten = dòng nhật ký { $seq } không còn giữ đầu chuỗi { $seq }:{ $hash }: nhật ký hoặc dữ liệu đã bị viết lại từ khi ghi đầu chuỗi (mã của dòng nay là { $now })
## audit verify đạt: $n dòng của chuỗi.
audit-chain-intact = chuỗi nhật ký nguyên vẹn: đã kiểm tra { $n } dòng
## audit verify đạt: $proved dòng trong $tables bảng khớp với sổ cái.
audit-data-match = dữ liệu khớp với nhật ký: đã chứng minh { $proved } dòng trong { $tables } bảng
## Dòng thời gian của show: số tiền của lần giúp đỡ (sau phần chi tiết).
timeline-amount = { NUM($amount) } đ
## Dòng thời gian của show: lượt tiếp xúc hoặc giúp đỡ đã hủy ngày $on, lý do $why.
timeline-voided = — ĐÃ HỦY ngày { $on }: { $why }
