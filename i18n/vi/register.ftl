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
