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
