### Refusals (rules), moved from the Rust source.

## src/domain/cases.rs
birth-year-after-enrollment = năm sinh { $year } sau ngày đưa vào diện { $date }
identity-number-belongs-another = số CCCD/CMND '{ $id_number }' thuộc người khác với người của hồ sơ { $person }; hãy kiểm tra lại
does-not-match-name = '{ $name }' không khớp họ tên đã lưu của người này; hãy kiểm tra số CCCD/CMND hoặc --person, hoặc sửa tên bằng `mh51 edit`
identity-number-differs-from = số CCCD/CMND '{ $id_number }' khác với số đã lưu của người này
this-person-already-has = người này đang có hồ sơ { $case } chưa đóng; mỗi người chỉ có một hồ sơ đang quản lý
enrollment-date-before-this = ngày đưa vào diện { $date } trước ngày hồ sơ trước của người này được đưa ra khỏi diện ({ $released })
member-left-case-needs = thành viên { $id } đã nghỉ từ { $left }; hồ sơ { $case } cần một thành viên đang hoạt động phụ trách (xem `mh51 member list`)
case-was-released-cannot = hồ sơ { $case } đã đưa ra khỏi diện ngày { $released } nên không thể { $doing }; dùng `mh51 reopen { $case }` nếu nhầm
case-already-assigned-member = hồ sơ { $case } đã được phân công cho thành viên { $id } (từ { $start })
assignment-date-before-current = ngày phân công { $date } trước ngày bắt đầu phân công hiện tại của hồ sơ { $case } ({ $start }); hãy nhập ngày từ ngày đó
case-was-already-released = hồ sơ { $case } đã được đưa ra khỏi diện ngày { $released }; mỗi hồ sơ chỉ đưa ra một lần (`mh51 reopen { $case }` để hoàn tác)
release-date-before-case = ngày đưa ra khỏi diện { $date } trước ngày hồ sơ { $case } chuyển phường ({ $moved }); hãy nhập ngày từ ngày đó
release-date-before-event = ngày đưa ra khỏi diện { $date } trước một sự kiện đã ghi của hồ sơ { $case } ({ $last }); hãy nhập ngày từ ngày đó
case-has-no-member = hồ sơ { $case } không có thành viên phụ trách ngày { $date } để ghi nhận tiến bộ; hãy thêm --credit MEMBER
credit-applies-only-progressed = --credit '{ $typed }' chỉ dùng khi đưa ra khỏi diện vì tiến bộ, không phải '{ $reason }'
case-open-only-released = hồ sơ { $case } đang quản lý; chỉ mở lại được hồ sơ đã đưa ra khỏi diện
cannot-reopen-case-same = không thể mở lại hồ sơ { $case }: người này đang có hồ sơ { $other }
cannot-reopen-case-same-2 = không thể mở lại hồ sơ { $case }: người này đã được đưa vào diện lại sau đó (hồ sơ { $other })
birth-year-after-case = năm sinh { $year } sau ngày đưa hồ sơ { $case } vào diện ({ $enrolled_on })
identity-number-already-belongs = số CCCD/CMND '{ $id_number }' đã thuộc về người khác; mỗi số chỉ của một người
enrollment-date-another-year = ngày đưa vào diện { $date } khác năm với hồ sơ { $case }; số hồ sơ giữ năm của nó — hãy đóng hồ sơ (lý do other) và đưa vào diện lại
enrollment-date-after-event = ngày đưa vào diện { $date } sau một sự kiện đã ghi của hồ sơ { $case } ({ $first })
enrollment-date-after-case = ngày đưa vào diện { $date } sau ngày hồ sơ { $case } được đưa ra khỏi diện ({ $released })
enrollment-date-before-this-2 = ngày đưa vào diện { $date } trước ngày hồ sơ trước của người này kết thúc ({ $released })
nothing-change-for-case = không có gì để sửa cho hồ sơ { $case }: hãy nhập ít nhất một trong --name, --born, --gender, --id-number, --address, --ward, --category, --date, --note

## src/domain/lookup.rs
member-left-cannot-choose = thành viên { $id } đã nghỉ từ { $left } nên không thể { $doing } ngày { $date }; hãy chọn thành viên đang hoạt động (xem `mh51 member list`)
member-joined-cannot-before = thành viên { $id } tham gia từ { $joined_on } nên không thể { $doing } ngày { $date }, trước khi tham gia
unknown-member-give-member = không có thành viên '{ $typed }': hãy nhập mã số thành viên (xem `mh51 member list --all`)
unknown-member-no-current = không có thành viên '{ $typed }': không thành viên đang hoạt động nào có tên này; hãy nhập mã số hoặc họ tên đầy đủ của một thành viên đang hoạt động (xem `mh51 member list --search`)
date-before-case-was = ngày { $what } { $date } trước ngày đưa hồ sơ { $case } vào diện ({ $enrolled_on }); hãy nhập ngày từ ngày đưa vào diện
date-after-case-was = ngày { $what } { $date } sau ngày hồ sơ { $case } được đưa ra khỏi diện ({ $released }); hãy nhập ngày không sau ngày đó
unknown-case-no-case = không có hồ sơ '{ $typed }': không hồ sơ nào có số này (xem `mh51 list --status all`)

## src/domain/members.rs
invalid-phone-expected-8 = số điện thoại không hợp lệ '{ $phone }': cần 8 đến 15 chữ số, ví dụ 0909123456
member-ward-already-exists = thành viên '{ $name }' thuộc { $org } ở phường { $ward } đã có (mã { $id }); thêm --allow-duplicate nếu là người khác
member-already-left = thành viên { $id } đã nghỉ từ { $left }
leaving-date-before-member = ngày nghỉ { $date } trước ngày thành viên { $id } tham gia ({ $joined_on })
member-still-has-open = thành viên { $id } còn phụ trách hồ sơ ({ $list }); hãy phân công lại bằng `mh51 assign CASE MEMBER` trước
leaving-date-before-member-2 = ngày nghỉ { $date } trước ngày thành viên { $id } chuyển phường ({ $moved }); hãy nhập ngày muộn hơn
member-has-activity-recorded = thành viên { $id } có hoạt động ngày { $last }, sau ngày nghỉ { $date }; hãy nhập ngày muộn hơn
joining-date-after-member = ngày tham gia { $date } sau ngày thành viên { $id } nghỉ ({ $left })
member-has-activity-recorded-2 = thành viên { $id } có hoạt động ngày { $first }, trước ngày tham gia { $date }
nothing-change-for-member = không có gì để sửa cho thành viên { $id }: hãy nhập --name, --org, --ward, --phone hoặc --joined

## src/domain/month.rs
case-already-has-contact = hồ sơ { $case } đã có lần tiếp xúc ngày { $date } (mã { $id }); nếu đây là một lần tiếp xúc khác trong ngày, thêm --again
reason-must-say-why = --reason phải nêu lý do hủy, ví dụ --reason "nhầm hồ sơ"

## src/domain/register.rs
invalid-wards-expected-0 = --wards không hợp lệ '{ $wards }': cần từ 0 đến 1000
invalid-quota-expected-0 = --quota không hợp lệ '{ $quota }': cần từ 0 đến 100 người mỗi thành viên
invalid-code-expected-1 = mã { $what } không hợp lệ '{ $code }': cần 1 đến 40 ký tự, không có dấu phẩy
already-exists-codes-names = { $what } '{ $typed }' đã có; mã và tên phải khác nhau (không phân biệt hoa thường, dấu)

## src/domain/types.rs
invalid-date-expected-yyyy = ngày không hợp lệ '{ $typed }': cần dạng YYYY-MM-DD hoặc DD/MM/YYYY, là một ngày có thật
date-future-today-give = ngày '{ $typed }' ở tương lai (hôm nay là { $today }); hãy nhập ngày không sau hôm nay
invalid-birth-year-expected = năm sinh không hợp lệ '{ $typed }': cần một năm từ 1900 đến { $today }
invalid-birth-expected-year = ngày/năm sinh không hợp lệ '{ $typed }': cần năm (1990) hoặc ngày YYYY-MM-DD hoặc DD/MM/YYYY
birth-date-future = ngày sinh '{ $typed }' ở tương lai
invalid-case-number-expected = số hồ sơ không hợp lệ '{ $typed }': cần dạng YYYY-NNNN, ví dụ 2022-0007
invalid-identity-number-expected = số CCCD/CMND không hợp lệ '{ $typed }': cần 9 chữ số (CMND) hoặc 12 chữ số (CCCD)
empty-give-name-with = { $what } trống: hãy nhập tên có ít nhất một chữ
too-long-characters-at = { $what } quá dài ({ $count } ký tự): tối đa { $max_name }
too-long-characters-at-2 = { $what } quá dài ({ $count } ký tự): tối đa { $max }
invalid-period-expected-2022 = kỳ báo cáo không hợp lệ '{ $typed }': cần 2022, 2022-Q1, 2022-05, 2022-01-01..2022-05-20, hoặc viết như tiêu đề báo cáo: quý I/2022, tháng 5/2022, năm 2022
invalid-period-it-ends = kỳ báo cáo không hợp lệ '{ $typed }': ngày kết thúc trước ngày bắt đầu
invalid-period-it-ends-2 = kỳ báo cáo không hợp lệ '{ $typed }': ngày kết thúc trước ngày bắt đầu

## src/domain/wards.rs
ward-exists-only-from = phường { $code } chỉ có từ ngày { $from }, chưa có ngày { $day }; hãy nhập ngày từ { $from } hoặc phường khác
ward-was-dissolved-merged = phường { $code } đã giải thể từ ngày { $date } và sáp nhập vào phường { $typed }; ngày { $day } hãy dùng phường { $typed }
move-date-not-after = ngày chuyển { $date } không sau lần đổi phường gần nhất của { $what } { $key } ({ $last_on }, phường { $last_code }); chuyển phường ghi theo thứ tự — để sửa phường ban đầu hãy dùng `edit --ward`
already-ward = { $what } { $key } đã ở phường { $to_code } vào ngày { $date }
case-has-changed-ward = hồ sơ { $case } đã đổi phường sau khi đưa vào diện (xem `mh51 show { $case }`); `edit --ward` chỉ sửa hồ sơ chưa chuyển — hãy ghi chuyển phường bằng `mh51 move { $case } --ward { $code } --date D`
member-has-changed-ward = thành viên { $id } đã đổi phường sau khi tham gia; `member edit --ward` chỉ sửa thành viên chưa chuyển — hãy ghi chuyển phường bằng `mh51 member move { $id } --ward { $code } --date D`
date-not-before-s = ngày { $new } không trước lần đổi phường đầu tiên của { $what } { $key } ({ $typed }); hãy sửa ngày theo thứ tự
ward-exists-only-from-2 = phường { $code } chỉ có từ ngày { $from }, chưa có ngày { $new }
ward-was-already-dissolved = phường { $code } đã giải thể từ ngày { $date } (sáp nhập vào phường { $typed })
ward-exists-only-from-3 = phường { $code } chỉ có từ ngày { $from }; không thể giải thể ngày { $date }
ward-takes-over-ward = phường { $code } nhận sáp nhập phường { $other } ngày { $date }; không thể giải thể ngày { $date2 }, trước đó
ward-both-dissolved-ward = phường { $code } vừa bị giải thể vừa là phường nhận; chỉ ghi nó sau --into
ward-already-exists-named = phường { $code } đã có (tên '{ $current }'); --name '{ $count }' chỉ dùng cho phường mới — đổi tên bằng `mh51 ward rename { $code } TÊN`
ward-does-not-exist = chưa có phường '{ $into }'; để tạo mới hãy nhập tên bằng --name, ví dụ --name "Phường Bình Tiên"
already-ward-s-code = '{ $name }' đã là mã hoặc tên của phường { $code }; tên phường phải khác nhau (không phân biệt hoa thường, dấu)
ward-already-named = phường { $code } đã có tên '{ $name }'
unknown-setting-expected-one = không có mục cài đặt '{ $key }': cần một trong { $settable }
invalid-expected-1-characters = { $key } không hợp lệ '{ $value }': cần 1 đến { $max } ký tự
