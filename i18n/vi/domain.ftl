### Quy tắc của sổ (domain): từ, lời từ chối và thông báo của các quy tắc đăng ký, phân công, tiếp xúc, giúp đỡ.

## src/domain/types.rs: các bộ từ đóng (vocab-KHÓA là tên bộ từ, vocab-KHÓA-MÃ là nhãn của một giá trị).
vocab-class = phân loại
vocab-class-A = chấp hành tốt, ổn định
vocab-class-B = chấp hành nhưng còn khó khăn
vocab-class-C = không chấp hành, có nguy cơ vi phạm
vocab-class-D = đang bị tạm giữ, tạm giam, ở cơ sở bắt buộc
vocab-reason = lý do đưa ra khỏi diện
vocab-reason-progressed = tiến bộ
vocab-reason-moved = chuyển nơi cư trú
vocab-reason-deceased = qua đời
vocab-reason-reoffended = tái phạm, bị bắt
vocab-reason-institution = đưa vào cơ sở cai nghiện, giáo dục bắt buộc, trường giáo dưỡng
vocab-reason-other = khác
vocab-kind = hình thức giúp đỡ
vocab-kind-job = giới thiệu việc làm
vocab-kind-loan = hỗ trợ vốn
vocab-kind-training = học nghề
vocab-kind-gift = tặng quà
vocab-kind-other = khác
vocab-gender = giới tính
vocab-gender-male = nam
vocab-gender-female = nữ

## Một giá trị không có trong bộ từ: $what tên bộ từ, $typed chữ đã nhập, $list các giá trị nhận được.
domain-vocab-invalid = { $what } không hợp lệ '{ $typed }': cần một trong: { $list }

## Một chữ có ký tự sổ không lưu: $what chữ gì, $shown chữ đã nhập (ký tự đó hiện ra), $kind loại ký tự (control, bidi, format), $code mã U+…, $at vị trí (số thứ tự ký tự).
domain-unwanted-character = { $what } '{ $shown }' có { $kind ->
        [control] ký tự điều khiển
        [bidi] ký tự điều khiển hướng chữ, làm thay đổi thứ tự hiển thị
       *[format] ký tự định dạng vô hình
    } ({ $code }) ở ký tự thứ { $at }; hãy nhập lại mà không có ký tự đó

## src/domain/amount.rs
## Số tiền không nhận được: $typed chữ đã nhập, $why vì sao (not-a-number, negative, decimal, groups, mixed, unit, before-unit, too-large), $unit đơn vị không rõ (khi $why là unit).
domain-amount-invalid = số tiền không hợp lệ '{ $typed }': { $why ->
        [not-a-number] không phải là số
        [negative] số tiền không được âm
        [decimal] tiền đồng không có phần lẻ nên không nhận số thập phân (một triệu rưỡi hãy viết 1,5tr hoặc 1500000)
        [groups] các chữ số phải chia nhóm ba sau nhóm đầu 1 đến 3 chữ số (5.000.000)
        [mixed] chỉ dùng một loại dấu phân cách (. hoặc , hoặc khoảng trắng) giữa các nhóm ba chữ số, không có phần thập phân
        [unit] đơn vị không rõ '{ $unit }'; sau số hãy viết tr hoặc triệu, k, nghìn hoặc ngàn, hoặc đ/đồng
        [before-unit] trước tr hoặc k hãy viết số không chia nhóm, tối đa hai chữ số thập phân (1,5tr, 250k), hoặc viết đủ số tiền
       *[too-large] tối đa 1.000.000.000.000 đồng
    }; hãy nhập số đồng nguyên, ví dụ 5000000, 5.000.000, 5,000,000, 5 000 000, 5tr, 5 triệu, 1,5tr hoặc 500k

## src/domain/month.rs
## Tên của một lần ghi trong tháng (chèn vào các lời từ chối dưới đây và của quy tắc).
domain-entry-review = tiếp xúc
domain-entry-support = giúp đỡ
## Lần giúp đỡ lặp lại: $case hồ sơ, $date ngày, $kind mã hình thức, $amount số tiền (khi $given là yes), $id mã lần giúp đỡ đã có.
domain-support-double = hồ sơ { $case } đã có lần giúp đỡ này ngày { $date } ({ $kind }, số tiền { $given ->
        [yes] { $amount }
       *[no] không
    }; mã { $id }); nếu thực sự giúp hai lần, thêm --again
## Mã không có: $what tiếp xúc hay giúp đỡ, $typed mã đã nhập.
domain-entry-unknown = không có { $what } '{ $typed }': hãy nhập mã { $what } đã in ra khi ghi (xem `mh51 show HỒ_SƠ`)
## Lần ghi đã hủy: $what tiếp xúc hay giúp đỡ, $id mã, $case hồ sơ, $voided ngày hủy, $doing việc được yêu cầu (void: hủy lần nữa, amend: sửa).
domain-entry-voided = { $what } mã { $id } của hồ sơ { $case } đã bị hủy ngày { $voided } nên không thể { $doing ->
        [void] hủy lần nữa
       *[amend] sửa
    }; nếu cần, hãy ghi lại từ đầu
## Sửa mà không có gì để sửa: $what tiếp xúc hay giúp đỡ, $id mã, $flags các tùy chọn nhập được.
domain-entry-nothing-to-change = không có gì để sửa cho { $what } mã { $id }: hãy nhập { $flags }
## Sửa sẽ thành trùng: $what tiếp xúc hay giúp đỡ, $id mã được sửa, $other mã trùng, $case hồ sơ, $date ngày.
domain-entry-would-double = { $what } mã { $id } khi sửa sẽ trùng với mã { $other } của hồ sơ { $case } ngày { $date }; hãy hủy một trong hai

## src/domain/lookup.rs, src/domain/register.rs
## Các danh mục người dùng thêm được (chèn vào lời từ chối).
domain-dict-ward = phường
domain-dict-org = đoàn thể
domain-dict-category = diện quản lý
## Mã và tên của một mục: $what phường, đoàn thể hay diện quản lý.
domain-dict-code-of = mã { $what }
domain-dict-name-of = tên { $what }
## Không tìm thấy: $what danh mục, $typed chữ đã nhập, $codes các mã nhận được.
domain-dict-unknown = không có { $what } '{ $typed }': cần mã hoặc tên, một trong { $codes }
## Một thành viên trong danh sách trùng tên: $id mã số, $org đoàn thể, $ward phường.
domain-member-named = { $id } ({ $org }, phường { $ward })
## Tên của nhiều thành viên: $typed tên đã nhập, $count số thành viên, $list danh sách các thành viên.
domain-member-name-ambiguous = '{ $typed }' là tên của { $count } thành viên đang hoạt động: { $list }; hãy nhập mã số thành viên

## src/domain/ledger.rs: những gì kiểm tra sổ cái tìm thấy. $tbl bảng, $key khóa của dòng, $seq số dòng nhật ký, $sealed dòng nhật ký cuối được niêm phong, $missing yes khi không có dòng nhật ký mang số đó (no: mã băm không khớp).
domain-ledger-differs = { $tbl } dòng { $key }: dòng không đúng như nhật ký đã ghi (nội dung khác với dòng nhật ký { $seq })
domain-ledger-added = { $tbl } dòng { $key }: dòng được thêm ngoài mh51 (không dòng nhật ký nào ghi nó)
domain-ledger-deleted = { $tbl } dòng { $key }: dòng bị xóa ngoài mh51 (lần ghi cuối ở dòng nhật ký { $seq })
domain-ledger-versions = dòng nhật ký { $seq }: các phiên bản dòng ghi cho nó đã bị sửa (row_versions không khớp sổ cái)
domain-ledger-unsealed = dòng nhật ký { $seq }: các phiên bản dòng được thêm ngoài mh51 (không dòng sổ cái nào niêm phong)
domain-ledger-chain = dòng nhật ký { $seq }: chuỗi sổ cái bị phá vỡ ({ $missing ->
        [yes] không có dòng nhật ký mang số này
       *[no] mã băm không khớp với dòng sổ cái trước, dòng nhật ký và các phiên bản của nó
    })
domain-ledger-tail = dòng nhật ký { $seq }: các dòng nhật ký mới nhất (sau { $sealed }) không được sổ cái niêm phong (thêm ngoài mh51)

## Các từ mà quy tắc chèn vào lời từ chối (việc đang làm, chữ nào bị từ chối).
domain-word-address = địa chỉ
domain-word-assignment = phân công
domain-word-be-assigned = được phân công
domain-word-be-assigned-case = phân công
domain-word-be-credited = được ghi nhận
domain-word-case = hồ sơ
domain-word-give-support = giúp đỡ
domain-word-member = thành viên
domain-word-member-name = tên thành viên
domain-word-move = chuyển phường
domain-word-name = họ tên
domain-word-note = ghi chú
domain-word-reason = lý do
domain-word-phone = số điện thoại
domain-word-release = đưa ra khỏi diện
domain-word-ward-name = tên phường

## src/domain/cases.rs
## Có thể trùng người: $name họ tên, $born năm sinh (khi $known là yes), $case hồ sơ đang quản lý.
domain-person-duplicate = '{ $name }' sinh năm { $known ->
        [yes] { $born }
       *[no] (không rõ)
    } trùng với người của hồ sơ đang quản lý { $case }; nếu là người khác, thêm --allow-duplicate
