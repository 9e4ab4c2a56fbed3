### Bản tóm tắt (report brief, SPEC §12) — đoạn mở đầu, viết từ số liệu; báo cáo chính thức
### (report document, SPEC §20) dùng lại đúng đoạn này.
### Số truyền vào là số: [0] chọn cách nói khi bằng 0; NUM(…) viết số có dấu chấm ngăn cách.

## $period: kỳ báo cáo bằng chữ ("năm 2021", "quý I/2022", "từ ngày … đến ngày …");
## $range: yes khi kỳ là một khoảng ngày. Mã viết hoa chữ đầu.
brief-when = { $range ->
    [yes] { $period }
   *[no] { $period }
}

## $when: brief-when.
brief-empty = { $when }, mô hình “5+1” không có đối tượng nào trong diện quản lý.

## $intake: đưa vào diện trong kỳ; $total: tổng số quản lý; $progressed: tiến bộ, đưa ra khỏi diện.
brief-intake = { $intake ->
    [0] { $when }, mô hình “5+1” không đưa thêm đối tượng nào vào diện quản lý; tổng số đối tượng quản lý là { NUM($total) }
   *[other] { $when }, mô hình “5+1” đã đưa thêm { NUM($intake) } đối tượng vào diện quản lý, nâng tổng số đối tượng quản lý là { NUM($total) }
}{ $progressed ->
    [0] ; chưa có đối tượng nào tiến bộ được đưa ra khỏi diện.
   *[other] ; đã có { NUM($progressed) } đối tượng tiến bộ được đưa ra khỏi diện.
}

## Ra khỏi diện vì lý do khác: một lý do ($why), hoặc nhiều ($list: các brief-exit-item, cách nhau bởi "; ").
brief-other-exit = Ngoài ra, { NUM($count) } đối tượng ra khỏi diện do { $why }.
brief-other-exits = Ngoài ra, { NUM($count) } đối tượng ra khỏi diện vì lý do khác ({ $list }).
brief-exit-item = { NUM($count) } { $why }
brief-exit-separator = ;{ " " }

## Ngày cuối kỳ ($day): còn bao nhiêu, do bao nhiêu thành viên ($members) của bao nhiêu đoàn thể
## ($orgs) phụ trách, bao nhiêu chưa được phân công ($unassigned).
brief-closing = { $closing ->
    [0] Đến ngày { $day }, không còn đối tượng nào đang được quản lý.
   *[other] Đến ngày { $day }, còn { NUM($closing) } đối tượng đang được quản lý{ $members ->
        [0] , chưa đối tượng nào được phân công thành viên phụ trách
       *[other] , do { NUM($members) } thành viên của { NUM($orgs) } đoàn thể phụ trách{ $unassigned ->
            [0] {""}
           *[other] ; { NUM($unassigned) } đối tượng chưa được phân công
        }
    }.
}

## Chỉ tiêu từ ngày 1/1 ($since) đến ngày cuối kỳ ($day): $achieved tiến bộ được ghi nhận, $target
## chỉ tiêu cho $members thành viên, $pct phần trăm (đã viết sẵn), $met thành viên đạt chỉ tiêu.
brief-quota = Từ ngày { $since } đến ngày { $day }, { $achieved ->
    [0] chưa có đối tượng tiến bộ nào được ghi nhận cho { NUM($members) } thành viên (chỉ tiêu { NUM($target) } người)
   *[other] các thành viên đã giúp { NUM($achieved) } đối tượng tiến bộ, đạt { $pct }% chỉ tiêu ({ NUM($target) } người cho { NUM($members) } thành viên)
}{ $met ->
    [0] ; chưa thành viên nào hoàn thành chỉ tiêu.
   *[other] ; { NUM($met) } thành viên đã hoàn thành chỉ tiêu.
}

### Trang của bản tóm tắt (src/report/brief/render.rs): tiêu đề, số liệu chính, biểu đồ, bảng.
### Ngày ($day, $from, $to) đã viết sẵn theo kiểu tiếng Việt.

## Dòng ngày dưới tiêu đề: ngày đầu ($from) và ngày cuối ($to) của kỳ.
brief-dates = Từ ngày { $from } đến ngày { $to }
## Tiêu đề; $period: kỳ báo cáo bằng chữ.
brief-title = Báo cáo giao ban { $period }
brief-key-figures = Số liệu chính
## $period: kỳ trước bằng chữ.
brief-change-note = Dưới mỗi số: tăng (+) hoặc giảm (−) so với kỳ trước, { $period }.
brief-no-change = không đổi
## Nhãn của các ô số liệu chính (và của biểu đồ, bảng khi cùng chữ).
brief-fig-opening = Đầu kỳ
brief-taken-in = Đưa vào diện
brief-total-managed = Tổng số quản lý
brief-fig-progressed = Tiến bộ, ra khỏi diện
brief-fig-exits = Ra khỏi diện (mọi lý do)
brief-fig-closing = Cuối kỳ
brief-fig-contacts = Lượt tiếp xúc, nhận xét
brief-fig-supports = Lượt giúp đỡ
brief-loans = Hỗ trợ vốn (đồng)
## $day: ngày cuối kỳ.
brief-fig-overdue = Quá hạn hoặc chưa phân công ngày { $day }
## Chân trang, trước các lệnh mh51 cho ra cùng số liệu.
brief-footer = Mọi số liệu do mh51 tính từ sổ theo dõi và trùng với các báo cáo:

## Biểu đồ.
brief-people = Số đối tượng
brief-trend-months = Diễn biến 12 tháng gần nhất
brief-trend-quarters = Diễn biến 8 quý gần nhất
brief-month = Tháng
brief-quarter = Quý
brief-series-closing = Đang quản lý cuối kỳ
brief-series-progressed = Tiến bộ, ra khỏi diện
brief-ward = Phường
brief-by-ward = Theo phường
brief-by-org = Theo đoàn thể phụ trách
brief-series-in-charge = Đang phụ trách cuối kỳ
## Chỉ tiêu từ ngày $from đến ngày $to.
brief-quota-chart = Chỉ tiêu theo đoàn thể, từ ngày { $from } đến ngày { $to }
brief-quota-axis = Số đối tượng được giúp đỡ tiến bộ
brief-achieved = Đã đạt
brief-target = Chỉ tiêu
brief-no-review = Chưa có nhận xét
## $open: số đối tượng đang quản lý; $day: ngày cuối kỳ.
brief-class-chart = Phân loại { NUM($open) } đối tượng đang quản lý ngày { $day }
brief-open-cases = Đang quản lý

## Bảng theo phường; $period: kỳ báo cáo bằng chữ.
brief-ward-table = Tổng hợp theo phường, { $period }
brief-col-opening = Đầu kỳ
brief-col-intake = Đưa vào
brief-col-progressed = Tiến bộ
brief-col-exits = Ra khỏi diện
brief-col-closing = Cuối kỳ
brief-col-contacts = Tiếp xúc
brief-col-supports = Giúp đỡ
brief-total = Tổng cộng

## Bảng chỉ tiêu: $quota người mỗi thành viên, từ ngày $from đến ngày $to.
brief-quota-table = Chỉ tiêu theo đoàn thể ({ $quota } người mỗi thành viên), từ ngày { $from } đến ngày { $to }
brief-col-org = Đoàn thể
brief-col-members = Thành viên
brief-col-members-met = Thành viên đạt chỉ tiêu
brief-col-shortfall = Còn thiếu
brief-col-pct = Tỷ lệ %

## Bảng hồ sơ quá hạn; $day: ngày cuối kỳ.
brief-overdue-table = Hồ sơ quá hạn tiếp xúc hoặc chưa phân công, ngày { $day }
## $count: số hồ sơ quá hạn; $days: số ngày cho phép; $more: yes khi bảng chỉ in $shown hồ sơ
## lâu nhất; $on: ngày cuối kỳ (YYYY-MM-DD, cho lệnh).
brief-overdue-note = { $count ->
    [0] Không có hồ sơ nào quá { $days } ngày chưa tiếp xúc hoặc chưa phân công.
   *[other] { $more ->
        [yes] { NUM($count) } hồ sơ quá { $days } ngày chưa tiếp xúc hoặc chưa phân công; dưới đây là { $shown } hồ sơ lâu nhất (danh sách đầy đủ: mh51 report overdue --as-of { $on }).
       *[no] { NUM($count) } hồ sơ quá { $days } ngày chưa tiếp xúc hoặc chưa phân công.
    }
}
brief-nobody-assigned = chưa phân công
brief-col-case = Hồ sơ
brief-col-name = Họ tên
brief-col-member = Thành viên phụ trách
brief-col-days = Số ngày

## Nhóm hồ sơ chưa có thành viên phụ trách, trong biểu đồ và bảng theo đoàn thể.
brief-unassigned = Chưa phân công

## Trình duyệt không in được PDF: $browser, $status (mã thoát), $log (các dòng cuối nó ghi ra).
brief-could-not-print = { $browser } không in được PDF ({ $status }): { $log }
