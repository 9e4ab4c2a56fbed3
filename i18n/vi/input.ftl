### Refusals (input), moved from the Rust source.

## src/import/apply.rs
empty-this-column-required = trống; cột này bắt buộc
has-header-but-no = { $file } có dòng tiêu đề nhưng không có dòng dữ liệu nào
duplicate-member-ward-already = trùng: thành viên '{ $name }' thuộc { $org } ở phường { $ward } đã có (mã { $id })
empty-but-case-has = trống, nhưng hồ sơ có ngày ra khỏi diện; cần một trong { $codes }
empty-but-case-has-2 = trống, nhưng hồ sơ có lý do ra khỏi diện '{ $reason }'; hãy nhập ngày ra khỏi diện
given-but-case-not = có '{ $case }', nhưng hồ sơ chưa ra khỏi diện; ghi nhận chỉ đi cùng việc ra khỏi diện vì tiến bộ
duplicate-case-same-person = trùng với hồ sơ { $case }: cùng một người, cùng ngày đưa vào diện { $date } đã có trong sổ
empty-but-row-has = trống, nhưng dòng có số tiền hoặc ghi chú giúp đỡ; cần một trong { $codes }

## src/import/bounds.rs
cannot-read-as-workbook = không đọc được '{ $file }' như một bảng tính ({ $what }); hãy lưu lại từ chương trình bảng tính dưới dạng .xlsx
workbook-unpacks-more-than = { $file }: bảng tính khi giải nén vượt quá { $mb } MB (ở phần '{ $part }'); mh51 chỉ đọc tối đa chừng đó — hãy chia nhỏ tệp
workbook-has-parts-mh51 = { $file }: bảng tính có { $zip_count } phần; mh51 chỉ đọc bảng tính có tối đa { $max_parts } phần — hãy lưu lại dưới dạng .xlsx
filled-cells-workbook-s = { $file }:{ $sheet }!{ $span }: các ô có dữ liệu trong các trang tính trải trên hơn { $max_box } ô; mh51 chỉ đọc tối đa chừng đó — hãy xóa phần nằm ngoài bảng hoặc chia nhỏ tệp
workbook-has-more-than = { $file }: bảng tính có hơn { $max_sheets } trang tính; mh51 chỉ đọc tối đa chừng đó
workbook-s-cells-hold = { $file }:{ $sheet }!{ $at }: các ô của bảng tính chứa hơn { $mb } MB chữ; mh51 chỉ đọc tối đa chừng đó — hãy chia nhỏ tệp
workbook-has-more-than-2 = { $file }: bảng tính có hơn { $max_cells } chuỗi dùng chung; mh51 chỉ đọc tối đa chừng đó
sheet-declares-rows-columns = { $file }: trang tính '{ $sheet }' khai báo { $rows } dòng × { $cols } cột; mh51 chỉ đọc tối đa { $max_box } ô — hãy lưu lại tệp dưới dạng .xlsx

## src/import/csv.rs
cells-but-header-has = { $record_count } ô nhưng dòng tiêu đề có { $width } cột; hãy kiểm tra dấu phẩy thừa
file-not-utf-8 = { $file }:{ $line }: tệp không phải văn bản UTF-8 (có thể Excel đã lưu dạng "CSV" thường); trong Excel hãy chọn File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" rồi nhập tệp đó, hoặc nhập thẳng tệp bảng tính (.xlsx, .xls hoặc .ods: mh51 đọc trực tiếp)

## src/import/mod.rs
column-appears-twice = cột '{ $name }' xuất hiện hai lần
unknown-column-expected-their = cột không rõ; cần { $expected } (hoặc tên tiếng Việt)
required-column-missing-from = thiếu cột bắt buộc '{ $name }' ở dòng tiêu đề
empty-expected-header-row = { $file } trống: cần một dòng tiêu đề với các cột { $expected }
has-more-than-rows = { $file } có hơn { $max_rows } dòng; mh51 chỉ nhập tối đa { $max_rows } dòng từ một tệp — hãy chia thành nhiều tệp
importing-took-longer-than = nhập { $file } mất hơn { $typed } giây, các cán bộ khác sẽ phải chờ; không nhập gì cả — hãy chia tệp thành các tệp nhỏ hơn
no-row-filled-date = { $file }: không có dòng nào được điền (ngày tiếp xúc, phân loại …); không có gì để nhập

## src/import/workbook.rs
cannot-read-as-workbook-2 = không đọc được '{ $file }' như một bảng tính ({ $value }); hãy lưu lại từ chương trình bảng tính dưới dạng .xlsx
cannot-read-sheet = không đọc được trang tính '{ $name }' của '{ $file }' ({ $value })
workbook-lists-more-than = { $file }:{ $name }!{ $at }: bảng tính liệt kê hơn { $max_seen } ô; mh51 chỉ đọc tối đa chừng đó — hãy chia nhỏ tệp
sheet-reaches-past-row = { $file }:{ $sheet }!{ $at }: trang tính vượt quá dòng { $max_sheet_rows } hoặc cột IV ({ $max_sheet_columns } cột); mh51 chỉ đọc tối đa { $max_sheet_rows } dòng và { $max_sheet_columns } cột — hãy xóa phần vượt quá hoặc chia nhỏ tệp
workbook-has-more-than-3 = { $file }:{ $sheet }!{ $at }: bảng tính có hơn { $max_cells } ô có dữ liệu; mh51 chỉ đọc tối đa chừng đó — hãy chia nhỏ tệp
has-no-sheets = { $file } không có trang tính nào
has-no-sheet-its = { $file } không có trang tính '{ $typed }'; các trang tính là { $listed }
sheet-has-no-header = { $file }: trang tính '{ $name }' không có dòng tiêu đề (một dòng mà mọi ô là tên cột: { $expected }, hoặc tên tiếng Việt); các trang tính của tệp là { $listed }; hãy chọn bằng --sheet TÊN
no-sheet-has-header = { $file }: không trang tính nào có dòng tiêu đề (một dòng mà mọi ô là tên cột: { $expected }, hoặc tên tiếng Việt); các trang tính của tệp là { $listed }
value-column-with-no = có giá trị ở cột không có tiêu đề; hãy đặt tên cột ở dòng tiêu đề hoặc xóa ô
cell-shows-error-correct = ô đang báo lỗi { $value }; hãy sửa công thức hoặc nhập giá trị
number-not-identity-number = số { $text } không phải số CCCD/CMND (9 hoặc 12 chữ số); bảng tính lưu nó dạng số và có thể đã bỏ mất các số 0 ở đầu: hãy định dạng cột là Văn bản (Text) rồi nhập lại các số
## Những gì đã nhập, theo loại ($kind: members, reviews, supports, cases).
import-what = { $kind ->
    [members] thành viên
    [reviews] dòng đã điền (tiếp xúc)
    [supports] lần giúp đỡ
   *[cases] hồ sơ
}
## import --dry-run: cả $n dòng của tệp $name hợp lệ; $what: import-what.
import-dry-run-valid = chạy thử: cả { $n } dòng của { $name } hợp lệ ({ $what }); không ghi gì cả
## import: đã nhập $n dòng ($what: import-what) từ tệp $name.
## Đơn vị đếm lỗi của tệp: hàng của bảng tính, dòng của tệp CSV.
import-word-row = hàng
import-word-line = dòng
import-done = đã nhập { $n } { $what } từ { $name }
## Nhập bị từ chối: tệp $file có $rows dòng lỗi (mỗi lỗi theo sau trên một dòng).
import-bad-rows = { $file }: { $rows } dòng lỗi; không nhập gì cả:
## Thành viên trong tệp trùng với một dòng trên ($unit: hàng hoặc dòng, số $at): cùng tên, đoàn thể và phường.
import-duplicate-member-in-file = trùng với { $unit } { $at }: cùng thành viên '{ $name }' thuộc { $org } ở phường { $ward }
## Hồ sơ trong tệp trùng với một dòng trên ($unit: hàng hoặc dòng, số $at): cùng người, cùng ngày.
import-duplicate-case-in-file = trùng với { $unit } { $at }: cùng một người, cùng ngày đưa vào diện { $date }
## Dòng đã điền của phiếu tháng thiếu $what (một trong bốn từ dưới).
import-filled-row-needs = trống; dòng đã điền cần có { $what }
import-needs-date-of-contact = ngày tiếp xúc
import-needs-class = phân loại (A–D)
import-needs-date-of-support = ngày giúp đỡ
import-needs-kind-of-support = hình thức giúp đỡ
## Dòng của phiếu đã được ghi ($what: lời từ chối của quy tắc, bỏ phần gợi ý --again).
import-sheet-duplicate = trùng: { $what }; không ghi hai lần (phiếu này đã được nhập rồi chăng?)
## Tệp cần nhập ($file) không có, hoặc không được phép đọc.
import-no-such-file = không đọc được '{ $file }': không có tệp này (hãy xem lại tên tệp và thư mục)
import-file-not-permitted = không đọc được '{ $file }': không có quyền đọc tệp (chủ của tệp phải cho phép)
