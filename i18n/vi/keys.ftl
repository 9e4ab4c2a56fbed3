### Tệp khóa, khóa ký của sổ và gói báo cáo của phường (SPEC §14, §19).

## A key file (passphrase or linking key): not a file, unreadable, open to others, not text, empty.
key-file-not-file = tệp khóa '{ $path }' không phải là tệp
key-file-unreadable = không đọc được tệp khóa '{ $path }': { $error }
key-file-open = tệp khóa '{ $path }' người khác đọc được (quyền { $mode }); hãy đặt riêng tư bằng `chmod 600 { $path }`
key-file-not-text = tệp khóa '{ $path }' không chứa văn bản UTF-8
key-file-empty = tệp khóa '{ $path }' trống: dòng đầu tiên là cụm mật khẩu
## The linking key file's first line is not a linking key.
link-key-invalid = tệp khóa liên kết '{ $path }' không chứa khóa liên kết: dòng đầu phải là { $min } đến { $max } chữ số hex (số chẵn), khóa do thành phố cấp; tệp có { $chars } ký tự
## The register's signing key.
signing-key-missing = sổ không có khóa ký (sổ được tạo hoặc sửa ngoài mh51): hãy chạy mh51 check
signing-key-mismatch = khóa ký của sổ không khớp với khóa công khai (bị sửa ngoài mh51): hãy chạy mh51 check
signing-key-invalid-public = khóa công khai '{ $key }' không hợp lệ: cần 64 chữ số hex như `mh51 key show` in ra
check-no-signing-key = signing_key: sổ không có khóa ký, khóa dùng để ký gói báo cáo (SPEC §19)
check-signing-key-mismatch = signing_key: khóa bí mật không khớp với khóa công khai đã lưu
## key show, on stderr.
key-fingerprint = dấu vân tay { $fingerprint } (đọc cho thành phố để xác nhận khóa)
## report package.
package-no-unit-code = sổ chưa có mã đơn vị, mã thành phố dùng để xếp gói báo cáo: hãy đặt một lần bằng `mh51 settings unit_code MÃ` (mã thành phố cấp cho phường)
package-made = gói báo cáo từ { $from } đến { $to } đã ký bằng khóa { $fingerprint }: { $tokens } mã liên kết, đầu chuỗi nhật ký { $head }
package-invalid = gói báo cáo không hợp lệ: { $why }
