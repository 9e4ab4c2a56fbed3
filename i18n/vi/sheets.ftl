### Phiếu tiếp xúc của tháng (sheet) và bảng xuất (export): tiêu đề, cột và lời nhắc.

## Tiêu đề cột của phiếu, theo khóa cột (`import reviews` đọc lại được mọi tiêu đề: phép thử
## every_header_is_one_import_reviews_reads). Các cột phân loại, hình thức giúp đỡ và ngày
## tiếp xúc còn dùng làm tiêu đề của lời nhắc nhập và của chú thích dưới bảng.
sheet-col-stt = STT
sheet-col-case_no = Số hồ sơ
sheet-col-name = Họ tên
sheet-col-ward = Phường
sheet-col-address = Địa chỉ
sheet-col-last_contact = Lần tiếp xúc gần nhất
sheet-col-last_class = Loại gần nhất
sheet-col-reviewed_on = Ngày tiếp xúc
sheet-col-class = Phân loại
sheet-col-note = Ghi chú
sheet-col-support_kind = Hình thức giúp đỡ
sheet-col-amount = Số tiền
sheet-col-support_note = Ghi chú giúp đỡ

## Tên trang tính (và phiếu) của các đối tượng chưa có thành viên.
sheet-unassigned = Chưa phân công
## Dòng thứ hai của phiếu: $id mã thành viên, $name họ tên, $org đoàn thể.
sheet-member-line = Thành viên: { $id } { $name } — { $org }
## Dòng thứ hai của phiếu các đối tượng chưa có thành viên.
sheet-member-none = Đối tượng chưa có thành viên phụ trách
## Dòng thứ ba: những gì cần ghi.
sheet-instructions = Mỗi lần tiếp xúc ghi: ngày tiếp xúc (trong kỳ), phân loại A–D, ghi chú; nếu có giúp đỡ, ghi hình thức giúp đỡ và số tiền. Đối tượng chưa tiếp xúc thì để trống.
## Chân trang khi in (mã của Excel: &C giữa trang, &P số trang, &N số trang tất cả).
sheet-page-footer = &CTrang &P/&N

## Kiểm tra ô ngày tiếp xúc: $from, $to ngày đầu và cuối kỳ; $words kỳ bằng chữ.
sheet-day-input = Từ { $from } đến { $to }
sheet-day-error-title = Ngày ngoài kỳ
sheet-day-error = Ngày tiếp xúc phải là một ngày của { $words }: từ { $from } đến { $to }.
## Kiểm tra ô phân loại.
sheet-class-error-title = Phân loại không hợp lệ
sheet-class-error = Chọn A, B, C hoặc D trong danh sách.
## Kiểm tra ô hình thức giúp đỡ.
sheet-kind-input = Chọn trong danh sách; để trống nếu không giúp đỡ.
sheet-kind-error-title = Hình thức không hợp lệ
sheet-kind-error = Chọn một hình thức trong danh sách.
## Kiểm tra ô số tiền.
sheet-amount-error-title = Số tiền không hợp lệ
sheet-amount-error = Số tiền là số đồng, không âm, ví dụ 5000000.

## Chỗ ký dưới phiếu giấy: ngày, người ký, lời dặn.
sheet-sign-day = Ngày …… tháng …… năm ……
sheet-sign-member = Thành viên
sheet-sign-how = (ký, ghi rõ họ tên)

## Tiêu đề của phiếu: $when kỳ như tiêu đề báo cáo viết.
sheet-title = Phiếu theo dõi tiếp xúc, giúp đỡ { $when }
## -p dài quá: $shown kỳ đã ghi, $from, $to ngày đầu và cuối, $max số tháng tối đa.
sheet-period-too-long = -p '{ $shown }' là từ { $from } đến { $to }: một phiếu chỉ dùng cho tối đa { $max } tháng (mỗi đối tượng một dòng); hãy ghi một tháng (2023-06, 6/2023) hoặc một quý (2023-Q2)
## Không có đối tượng: $period kỳ bằng chữ, $scope phần của sổ (", phường …" hoặc trống).
sheet-no-case = không có đối tượng nào đang quản lý trong { $period }{ $scope }: không có phiếu để ghi
## Đã ghi phiếu: $path tệp, $n số phiếu, $words kỳ bằng chữ, $cases số đối tượng, $none số
## đối tượng chưa phân công.
sheet-written = { $path }: { $n } phiếu { $words }, { $cases } đối tượng{ $none ->
        [0] {""}
       *[other] , trong đó { $none } chưa phân công
    }

### Bảng xuất (export) và câu truy vấn (query).

## -p với một bảng không có ngày.
export-period-not-dated = -p chỉ dùng cho reviews, supports và assignments, các bảng có ngày; hãy xuất cả bảng mà không dùng -p
## --voided với một bảng không có dòng bị hủy.
export-voided-only = --voided chỉ dùng cho reviews và supports
## $what từ khóa đầu tiên (hoặc câu lệnh) bị từ chối.
export-query-read-only-start = query chỉ chạy một câu lệnh chỉ đọc bắt đầu bằng SELECT, WITH hoặc VALUES; không được dùng '{ $what }' (không có gì bị thay đổi)
## $sql câu SQL (rút gọn).
export-query-one-statement = query chỉ chạy đúng một câu lệnh; hãy bỏ phần sau dấu ';' đầu tiên trong '{ $sql }'
## $sql câu SQL (rút gọn), $error lỗi của SQLite.
export-query-invalid = câu SQL không hợp lệ '{ $sql }': { $error }
## $sql câu SQL (rút gọn).
export-query-changes = query chỉ để đọc: '{ $sql }' sẽ thay đổi cơ sở dữ liệu (không có gì bị thay đổi)
## $max số dòng tối đa.
export-query-too-many-rows = câu truy vấn trả về hơn { $max } dòng (giới hạn); hãy thêm LIMIT hoặc WHERE vào câu SQL, hoặc cho phép nhiều hơn bằng --max-rows N
## $mb giới hạn, tính bằng MB.
export-query-too-large = kết quả truy vấn lớn hơn { $mb } MB (giới hạn); hãy chọn ít dòng hoặc cột hơn, hoặc ghi CSV ra tệp (-f csv -o TỆP)
## $seconds giới hạn thời gian, tính bằng giây.
export-query-timeout = câu truy vấn đã bị dừng sau { $seconds } giây (giới hạn thời gian; không có gì bị thay đổi); hãy thu hẹp câu truy vấn, hoặc cho phép lâu hơn bằng --timeout GIÂY
## $mb giới hạn của một giá trị, tính bằng MB.
export-query-value-too-large = câu truy vấn tạo một giá trị lớn hơn { $mb } MB (giới hạn); hãy chọn ít hơn

### Báo cáo.

## --structure với cách nhóm khác phường.
report-structure-needs-ward = --structure gộp theo phường và chỉ dùng với --by ward
## Kỳ chỉ tiêu qua hai năm: $from, $to ngày đầu và cuối (YYYY-MM-DD), $year năm của ngày đầu.
quota-period-crosses-year = kỳ { $from }..{ $to } vượt qua một năm dương lịch; chỉ tiêu tính theo năm: hãy chọn kỳ trong một năm, ví dụ { $year } hoặc { $year }-Q4
