### Kỳ đã gửi (SPEC §19): khóa kỳ, `period reopen`, `period list`.

## Ghi vào kỳ đã gửi. { $what } là một trong hai câu dưới.
period-locked = { $what } nằm trong kỳ { $period } (từ { $from } đến { $to }), đã gửi lên thành phố (lần { $revision }, lúc { $sent }): kỳ đã gửi thì bị khóa; nếu cần sửa, hãy mở lại kỳ trước bằng `mh51 period reopen { $period } --reason LÝ_DO` (gói báo cáo tiếp theo của kỳ khi đó là lần { $next })
period-locked-date = ngày { $date }
## period reopen: từ chối và kết quả.
period-reason = hãy nhập lý do mở lại kỳ bằng --reason LÝ_DO (từ 1 đến { $max } ký tự; đang có { $chars })
period-not-sent = kỳ '{ $typed }' ({ $period }) chưa từng được gửi: không có gì để mở lại (`mh51 period list` liệt kê các kỳ đã gửi)
period-already-reopened = kỳ { $period } đã được mở lại (lần { $revision }, từ { $at }): hãy ghi tiếp, rồi gửi gói báo cáo mới bằng `mh51 report package`
period-reopened = đã mở lại kỳ { $period }: lần gửi { $revision } không còn khóa; gói báo cáo tiếp theo của kỳ { $period } là lần { $next }
## report package của một kỳ đã gửi.
period-figures-changed = số liệu hoặc mã liên kết của kỳ { $period } không còn như lần gửi { $revision } lúc { $sent }: một thay đổi ghi ngày ngoài kỳ (trước kỳ, của thành viên hoặc phường, sửa số CCCD, hoặc --link-key khác) đã làm chúng thay đổi. Muốn gửi số liệu mới, hãy mở lại kỳ trước: `mh51 period reopen { $period } --reason LÝ_DO`
period-sent-again = kỳ { $period } đã gửi lần { $revision } lúc { $sent } và không có gì thay đổi: đây vẫn là gói báo cáo đó
period-sent = kỳ { $period } đã được gửi (lần { $revision }): mọi việc ghi có ngày trong kỳ bị từ chối cho đến khi `mh51 period reopen { $period } --reason LÝ_DO`
## period list: cột trạng thái.
period-status-sent = đã gửi
period-status-reopened = đã mở lại
## Tiêu đề cột của period list.
column-period = Kỳ
column-sent_at = Thời điểm gửi
column-reopened_at = Thời điểm mở lại
column-reopen_reason = Lý do mở lại
## Những ngày mà thay đổi chạm tới ({ $what } của period-locked).
period-locked-span = { $open ->
    [yes] { $who }, từ { $from } trở đi,
   *[no] { $who }, từ { $from } đến { $to },
}
period-who-case = hồ sơ { $case }
period-who-member = thành viên { $member }
column-period_from = Từ ngày
column-period_to = Đến ngày
## Kỳ bằng chữ (tiêu đề, bản tóm tắt): một năm, một quý ($quarter: số La Mã), một tháng
## ($month: số tháng), một khoảng ngày khác ($from, $to: ngày viết như trong bảng).
period-in-words-year = năm { $year }
period-in-words-quarter = quý { $quarter }/{ $year }
period-in-words-month = tháng { $month }/{ $year }
period-in-words-range = từ ngày { $from } đến ngày { $to }
