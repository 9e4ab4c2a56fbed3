### Mở sổ: các thông báo khi không tìm thấy sổ.

## $path: tên tệp như người dùng gõ (hoặc mặc định); $folder: thư mục đã tìm.
db-missing = không có cơ sở dữ liệu '{ $path }' (đã tìm trong thư mục { $folder }); hãy chỉ tệp khác bằng --db ĐƯỜNG_DẪN hoặc biến môi trường MH51_DB, hoặc tạo mới bằng `mh51 init --db { $path }` (hoặc thử `mh51 demo`)
