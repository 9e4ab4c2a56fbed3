//! The page of the brief, top to bottom in the order of SPEC §12: title, paragraph, key
//! figures, four charts, three tables, and the figures as JSON for scripts.
//!
//! Plain `write!` into a string; every text from the database (district, ward and org names,
//! people's names) goes through `esc`. No script runs, nothing is fetched: the CSS is inline,
//! fonts are the system's, the charts are inline SVG.

use std::fmt::Write;

use super::svg::{self, Series};
use super::{esc, paragraph, trend_label, Brief, OVERDUE_ROWS};
use crate::domain::types::{iso, Class, Period};
use crate::human;
use crate::report::summary::Row;

/// A label in the reader's language.
fn l(vi: bool, en: &'static str, vi_text: &'static str) -> &'static str {
    if vi {
        vi_text
    } else {
        en
    }
}

pub const CSS: &str = r#"
@page { size: A4; margin: 11mm 12mm 12mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #111; background: #fff; }
body { max-width: 186mm; margin: 0 auto; padding: 8mm 0; font-size: 10.5pt; line-height: 1.45; }
@media print { body { padding: 0; max-width: none; } }
/* A projector or a wide screen: the whole page larger, in proportion. */
@media screen and (min-width: 1200px) { body { zoom: 1.4; } }
header { border-bottom: 3px solid #1f3a5f; padding-bottom: 2mm; margin-bottom: 3mm; }
.register { font-size: 12pt; font-weight: bold; letter-spacing: .03em; margin: 0; text-transform: uppercase; }
h1 { font-size: 21pt; margin: 1mm 0 0; line-height: 1.2; }
.dates { margin: 1mm 0 0; font-size: 11pt; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; break-after: avoid; color: #1f3a5f; }
.lead { font-size: 12pt; margin: 3mm 0; }
.figs { display: grid; gap: 2mm; margin-bottom: 2mm; }
.people { grid-template-columns: repeat(6, 1fr); }
.work { grid-template-columns: 1fr 1fr 1.8fr 1.6fr; }
.fig { border: 1.5px solid #1f3a5f; border-radius: 2mm; padding: 1.5mm 2.5mm; break-inside: avoid; }
.fig .lbl { font-size: 9.5pt; line-height: 1.2; min-height: 2.4em; }
.fig .num { font-size: 20pt; font-weight: bold; line-height: 1.15; white-space: nowrap; font-variant-numeric: tabular-nums; }
.fig .chg { font-size: 10pt; color: #333; font-weight: bold; }
.fig.main { background: #eef3f9; }
figure { margin: 3mm 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
thead { display: table-header-group; }
tr, td, th { break-inside: avoid; page-break-inside: avoid; }
th { background: #dde6f0; font-weight: bold; vertical-align: bottom; }
th, td { border: 1px solid #777; padding: .8mm 1.5mm; text-align: left; }
td:first-child { white-space: nowrap; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-top: 2px solid #111; }
.overdue td { white-space: nowrap; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.note { font-size: 9pt; color: #333; margin: 1mm 0 2mm; }
.cols3 { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; align-items: start; }
footer { margin-top: 5mm; border-top: 1px solid #777; padding-top: 1.5mm; font-size: 8.5pt; color: #333; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
section { break-inside: auto; }
"#;

/// The period as `mh51 … -p` takes it, for the footer's commands.
fn p_arg(p: &Period) -> String {
    format!("{}..{}", iso(p.from), iso(p.to))
}

/// The whole page in the reader's language.
/// The page's start, up to the end of its header: the document title (`register — title`),
/// the inline CSS, the register's name, the title and the dates. The city's brief
/// (`upward::brief`) opens the same way.
pub fn head(o: &mut String, vi: bool, register: &str, title: &str, dates: &str) {
    let doc_title = if register.is_empty() { title.to_string() } else { format!("{register} — {title}") };
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<header>\n",
        if vi { "vi" } else { "en" },
        esc(&doc_title)
    );
    if !register.is_empty() {
        let _ = writeln!(o, "<p class=\"register\">{}</p>", esc(register));
    }
    let _ = write!(
        o,
        "<h1>{}</h1>\n<p class=\"dates\">{}</p>\n</header>\n",
        esc(&crate::text::capitalise(title)),
        esc(dates)
    );
}

pub fn page(b: &Brief, vi: bool) -> String {
    let mut o = String::with_capacity(64 * 1024);
    let n = |v: i64| human::int(v, vi);
    let words = human::period(&b.period, vi);
    let dates = if vi {
        format!("Từ ngày {} đến ngày {}", human::date(b.period.from, true), human::date(b.period.to, true))
    } else {
        format!("{} to {}", human::date(b.period.from, false), human::date(b.period.to, false))
    };
    let title = if vi { format!("Báo cáo giao ban {words}") } else { format!("Coordination meeting brief, {words}") };
    head(&mut o, vi, &b.district, &title, &dates);
    // 2. The paragraph.
    let _ = writeln!(o, "<p class=\"lead\" id=\"paragraph\">{}</p>", esc(&paragraph::paragraph(&b.facts(vi), vi)));

    // 3. Key figures with their change from the previous period.
    let prev_words = human::period(&b.previous.period, vi);
    let t = &b.summary.total;
    let pt = &b.previous.total;
    let _ = writeln!(o, "<h2>{}</h2>", l(vi, "Key figures", "Số liệu chính"));
    let _ = writeln!(
        o,
        "<p class=\"note\">{}</p>",
        esc(&if vi {
            format!("Dưới mỗi số: tăng (+) hoặc giảm (−) so với kỳ trước, {prev_words}.")
        } else {
            format!("Under each figure: the change from the previous period, {prev_words}.")
        })
    );
    let fig = |o: &mut String, key: &str, label: &str, v: i64, before: i64, main: bool| {
        let d = v - before;
        let chg = match (d, vi) {
            (0, true) => "không đổi".to_string(),
            (0, false) => "no change".to_string(),
            (d, _) => format!("{}{}", if d > 0 { "+" } else { "−" }, n(d.abs())),
        };
        let _ = writeln!(
            o,
            "<div class=\"fig{}\"><div class=\"lbl\">{}</div><div class=\"num\" data-key=\"{key}\">{}</div><div class=\"chg\">{}</div></div>",
            if main { " main" } else { "" },
            esc(label),
            n(v),
            esc(&chg)
        );
    };
    o.push_str("<div class=\"figs people\">\n");
    fig(&mut o, "opening", l(vi, "At the start", "Đầu kỳ"), t.opening, pt.opening, false);
    fig(&mut o, "intake", l(vi, "Taken in", "Đưa vào diện"), t.intake, pt.intake, true);
    fig(&mut o, "total_managed", l(vi, "Total managed", "Tổng số quản lý"), t.total_managed, pt.total_managed, true);
    fig(&mut o, "progressed", l(vi, "Progressed", "Tiến bộ, ra khỏi diện"), t.progressed, pt.progressed, true);
    fig(&mut o, "exits", l(vi, "Left, all reasons", "Ra khỏi diện (mọi lý do)"), t.exits, pt.exits, false);
    fig(&mut o, "closing", l(vi, "At the end", "Cuối kỳ"), t.closing, pt.closing, true);
    o.push_str("</div>\n<div class=\"figs work\">\n");
    fig(&mut o, "contacts", l(vi, "Contacts (reviews)", "Lượt tiếp xúc, nhận xét"), t.contacts, pt.contacts, false);
    fig(&mut o, "supports", l(vi, "Supports given", "Lượt giúp đỡ"), t.supports, pt.supports, false);
    fig(&mut o, "loan_amount", l(vi, "Loans (đồng)", "Hỗ trợ vốn (đồng)"), t.loan_amount, pt.loan_amount, false);
    let overdue_label = if vi {
        format!("Quá hạn hoặc chưa phân công ngày {}", human::date(b.period.to, true))
    } else {
        format!("Overdue or unassigned on {}", human::date(b.period.to, false))
    };
    fig(&mut o, "overdue", &overdue_label, b.overdue_count, b.overdue_previous, false);
    o.push_str("</div>\n");

    // 4. Charts.
    charts(&mut o, b, vi);

    // 5. Tables.
    ward_table(&mut o, b, vi);
    quota_table(&mut o, b, vi);
    overdue_table(&mut o, b, vi);

    let _ = writeln!(
        o,
        "<footer>{} <code>mh51 report summary -p {p} --by ward</code>, <code>mh51 report quota -p {q} --by org</code>, \
         <code>mh51 report overdue --as-of {to}</code>.</footer>",
        l(
            vi,
            "Every figure is counted by mh51 from the register and equals what these reports give:",
            "Mọi số liệu do mh51 tính từ sổ theo dõi và trùng với các báo cáo:"
        ),
        p = p_arg(&b.period),
        q = p_arg(&b.quota.period),
        to = iso(b.period.to)
    );
    // The figures for scripts: JSON with `</` escaped so no text can close the element.
    let json = b.figures().to_string().replace("</", "<\\/");
    let _ = write!(o, "<script type=\"application/json\" id=\"mh51-figures\">{json}</script>\n</body>\n</html>\n");
    o
}

fn ints(vals: &[i64], vi: bool) -> Vec<String> {
    vals.iter().map(|v| human::int(*v, vi)).collect()
}

fn charts(o: &mut String, b: &Brief, vi: bool) {
    let series =
        |label: &str, vals: Vec<i64>| Series { label: label.to_string(), texts: ints(&vals, vi), values: vals };
    let people = l(vi, "People", "Số đối tượng");

    // (a) The trend.
    let cats: Vec<String> = b.trend.rows.iter().map(|r| trend_label(&r.group, vi)).collect();
    let pick = |f: fn(&Row) -> i64| b.trend.rows.iter().map(f).collect::<Vec<_>>();
    let trend_title = if b.trend_months {
        l(vi, "The last 12 months", "Diễn biến 12 tháng gần nhất")
    } else {
        l(vi, "The last 8 quarters", "Diễn biến 8 quý gần nhất")
    };
    let chart = svg::columns(
        "trend",
        trend_title,
        if b.trend_months { l(vi, "Month", "Tháng") } else { l(vi, "Quarter", "Quý") },
        people,
        &cats,
        &[
            series(l(vi, "Under management at the end", "Đang quản lý cuối kỳ"), pick(|r| r.closing)),
            series(l(vi, "Taken in", "Đưa vào diện"), pick(|r| r.intake)),
            series(l(vi, "Progressed, taken off", "Tiến bộ, ra khỏi diện"), pick(|r| r.progressed)),
        ],
    );
    let _ = writeln!(o, "<figure id=\"chart-trend\">{chart}</figure>");

    // (b) By ward. When every name starts with the same word ("Phường 1" … "Phường 14"), that
    // word goes to the axis and the bars carry the rest, so 14 wards fit side by side.
    let names: Vec<String> = b.summary.rows.iter().map(|r| b.ward_name(&r.group)).collect();
    let (axis, cats) = match common_first_word(&names) {
        Some(w) => (w.clone(), names.iter().map(|n| n[w.len()..].trim().to_string()).collect()),
        None => (l(vi, "Ward", "Phường").to_string(), names),
    };
    let chart = svg::columns(
        "ward",
        l(vi, "By ward", "Theo phường"),
        &axis,
        people,
        &cats,
        &[
            series(
                l(vi, "Under management at the end", "Đang quản lý cuối kỳ"),
                b.summary.rows.iter().map(|r| r.closing).collect(),
            ),
            series(
                l(vi, "Progressed, taken off", "Tiến bộ, ra khỏi diện"),
                b.summary.rows.iter().map(|r| r.progressed).collect(),
            ),
        ],
    );
    let _ = writeln!(o, "<figure id=\"chart-ward\">{chart}</figure>");

    // (c) By organization: open cases in charge and progressed, then the quota.
    let rows: Vec<&Row> = b.by_org.rows.iter().filter(|r| r.group != "unassigned" || r.total_managed > 0).collect();
    let cats: Vec<String> = rows.iter().map(|r| b.org_name(&r.group, vi)).collect();
    let chart = svg::bars(
        "org",
        l(vi, "By organization in charge", "Theo đoàn thể phụ trách"),
        people,
        &cats,
        &[
            series(
                l(vi, "Open cases in charge at the end", "Đang phụ trách cuối kỳ"),
                rows.iter().map(|r| r.closing).collect(),
            ),
            series(
                l(vi, "Progressed, taken off", "Tiến bộ, ra khỏi diện"),
                rows.iter().map(|r| r.progressed).collect(),
            ),
        ],
    );
    let _ = writeln!(o, "<figure id=\"chart-org\">{chart}</figure>");
    let q = &b.quota;
    let cats: Vec<String> = q.rows.iter().map(|r| b.org_name(&r.group, vi)).collect();
    let texts: Vec<String> = q
        .rows
        .iter()
        .map(|r| {
            let pct = r.pct().map(|p| format!(" ({}%)", human::pct(p, vi))).unwrap_or_default();
            format!("{} / {}{pct}", human::int(r.achieved, vi), human::int(r.target, vi))
        })
        .collect();
    let quota_title = if vi {
        format!(
            "Chỉ tiêu theo đoàn thể, từ ngày {} đến ngày {}",
            human::date(q.period.from, true),
            human::date(q.period.to, true)
        )
    } else {
        format!("Quota by organization, {} to {}", human::date(q.period.from, false), human::date(q.period.to, false))
    };
    let chart = svg::progress(
        "quota",
        &quota_title,
        l(vi, "People helped to make progress", "Số đối tượng được giúp đỡ tiến bộ"),
        [l(vi, "Achieved", "Đã đạt"), l(vi, "Target", "Chỉ tiêu")],
        &cats,
        &q.rows.iter().map(|r| r.achieved).collect::<Vec<_>>(),
        &q.rows.iter().map(|r| r.target).collect::<Vec<_>>(),
        &texts,
    );
    let _ = writeln!(o, "<figure id=\"chart-quota\">{chart}</figure>");

    // (d) Open cases by the class of their latest review.
    let c = &b.classes;
    let open = c.open();
    // `Class::ALL` is A, B, C, D: the order of `Classes::by_class`.
    let mut cats: Vec<String> = Class::ALL.iter().map(|k| format!("{} — {}", k.code(), k.label(vi))).collect();
    cats.push(l(vi, "No review yet", "Chưa có nhận xét").to_string());
    let vals: Vec<i64> = c.by_class.iter().copied().chain([c.no_review]).collect();
    let texts = vals
        .iter()
        .map(|v| {
            let share = if open > 0 {
                format!(" ({}%)", human::pct(*v as f64 * 100.0 / open as f64, vi))
            } else {
                String::new()
            };
            format!("{}{share}", human::int(*v, vi))
        })
        .collect();
    let class_title = if vi {
        format!("Phân loại {} đối tượng đang quản lý ngày {}", human::int(open, vi), human::date(b.period.to, true))
    } else {
        format!("The {} open cases on {} by latest review", human::int(open, vi), human::date(b.period.to, false))
    };
    let chart = svg::bars(
        "class",
        &class_title,
        people,
        &cats,
        &[Series { label: l(vi, "Open cases", "Đang quản lý").into(), values: vals, texts }],
    );
    let _ = writeln!(o, "<figure id=\"chart-class\">{chart}</figure>");
}

/// The first word every name shares, when each has more after it.
fn common_first_word(names: &[String]) -> Option<String> {
    let first = names.first()?.split_whitespace().next()?.to_string();
    names.iter().all(|n| n.starts_with(&format!("{first} ")) && !n[first.len()..].trim().is_empty()).then_some(first)
}

fn num_cells(o: &mut String, vals: &[i64], vi: bool) {
    for v in vals {
        let _ = write!(o, "<td class=\"n\">{}</td>", human::int(*v, vi));
    }
}

fn ward_table(o: &mut String, b: &Brief, vi: bool) {
    let _ = writeln!(
        o,
        "<section id=\"table-ward\" class=\"keep\"><h2>{} {}</h2>",
        l(vi, "Summary by ward,", "Tổng hợp theo phường,"),
        esc(&human::period(&b.period, vi))
    );
    let heads: [(&str, &str); 10] = [
        ("Ward", "Phường"),
        ("Opening", "Đầu kỳ"),
        ("Intake", "Đưa vào"),
        ("Total managed", "Tổng số quản lý"),
        ("Progressed", "Tiến bộ"),
        ("Exits, all reasons", "Ra khỏi diện"),
        ("Closing", "Cuối kỳ"),
        ("Contacts", "Tiếp xúc"),
        ("Supports", "Giúp đỡ"),
        ("Loans (đồng)", "Hỗ trợ vốn (đồng)"),
    ];
    o.push_str("<table><thead><tr>");
    for (i, (en, vi_h)) in heads.iter().enumerate() {
        let _ = write!(o, "<th{}>{}</th>", if i > 0 { " class=\"n\"" } else { "" }, l(vi, en, vi_h));
    }
    o.push_str("</tr></thead><tbody>\n");
    let vals = |r: &Row| {
        [r.opening, r.intake, r.total_managed, r.progressed, r.exits, r.closing, r.contacts, r.supports, r.loan_amount]
    };
    for r in &b.summary.rows {
        let _ = write!(o, "<tr><td>{}</td>", esc(&b.ward_name(&r.group)));
        num_cells(o, &vals(r), vi);
        o.push_str("</tr>\n");
    }
    let _ = write!(o, "<tr class=\"total\"><td>{}</td>", l(vi, "Total", "Tổng cộng"));
    num_cells(o, &vals(&b.summary.total), vi);
    o.push_str("</tr>\n</tbody></table></section>\n");
}

fn quota_table(o: &mut String, b: &Brief, vi: bool) {
    let q = &b.quota;
    let title = if vi {
        format!(
            "Chỉ tiêu theo đoàn thể ({} người mỗi thành viên), từ ngày {} đến ngày {}",
            q.quota,
            human::date(q.period.from, true),
            human::date(q.period.to, true)
        )
    } else {
        format!(
            "Quota by organization ({} people per member), {} to {}",
            q.quota,
            human::date(q.period.from, false),
            human::date(q.period.to, false)
        )
    };
    let _ = writeln!(o, "<section id=\"table-quota\" class=\"keep\"><h2>{}</h2>", esc(&title));
    let heads: [(&str, &str); 7] = [
        ("Organization", "Đoàn thể"),
        ("Members", "Thành viên"),
        ("Target", "Chỉ tiêu"),
        ("Achieved", "Đã đạt"),
        ("Members who met it", "Thành viên đạt chỉ tiêu"),
        ("Shortfall", "Còn thiếu"),
        ("%", "Tỷ lệ %"),
    ];
    o.push_str("<table><thead><tr>");
    for (i, (en, vi_h)) in heads.iter().enumerate() {
        let _ = write!(o, "<th{}>{}</th>", if i > 0 { " class=\"n\"" } else { "" }, l(vi, en, vi_h));
    }
    o.push_str("</tr></thead><tbody>\n");
    let row = |o: &mut String, name: &str, r: &crate::report::quota::Row, total: bool| {
        let _ = write!(o, "<tr{}><td>{}</td>", if total { " class=\"total\"" } else { "" }, esc(name));
        num_cells(o, &[r.members, r.target, r.achieved, r.members_met, r.shortfall], vi);
        let _ = writeln!(o, "<td class=\"n\">{}</td></tr>", r.pct().map(|p| human::pct(p, vi)).unwrap_or_default());
    };
    for r in &q.rows {
        row(o, &b.org_name(&r.group, vi), r, false);
    }
    row(o, l(vi, "Total", "Tổng cộng"), &q.total, true);
    o.push_str("</tbody></table></section>\n");
}

fn overdue_table(o: &mut String, b: &Brief, vi: bool) {
    let day = human::date(b.period.to, vi);
    let _ = writeln!(
        o,
        "<section id=\"table-overdue\" class=\"overdue\"><h2>{}</h2>",
        esc(&if vi {
            format!("Hồ sơ quá hạn tiếp xúc hoặc chưa phân công, ngày {day}")
        } else {
            format!("Cases overdue for a contact or with nobody assigned, on {day}")
        })
    );
    let count = b.overdue_count;
    let shown = b.overdue.len() as i64;
    let note = match (count, vi) {
        (0, true) => format!("Không có hồ sơ nào quá {} ngày chưa tiếp xúc hoặc chưa phân công.", b.overdue_days),
        (0, false) => format!("No case has gone more than {} days without a contact or has nobody assigned.", b.overdue_days),
        (c, true) if c > shown => format!(
            "{} hồ sơ quá {} ngày chưa tiếp xúc hoặc chưa phân công; dưới đây là {} hồ sơ lâu nhất (danh sách đầy đủ: mh51 report overdue --as-of {}).",
            human::int(c, true),
            b.overdue_days,
            shown,
            iso(b.period.to)
        ),
        (c, false) if c > shown => format!(
            "{} cases without a contact for more than {} days or with nobody assigned; the {} oldest are below (all of them: mh51 report overdue --as-of {}).",
            human::int(c, false),
            b.overdue_days,
            shown,
            iso(b.period.to)
        ),
        (c, true) => format!("{} hồ sơ quá {} ngày chưa tiếp xúc hoặc chưa phân công.", human::int(c, true), b.overdue_days),
        (c, false) => format!(
            "{} {} without a contact for more than {} days or with nobody assigned.",
            human::int(c, false),
            if c == 1 { "case" } else { "cases" },
            b.overdue_days
        ),
    };
    let _ = writeln!(o, "<p class=\"note\">{}</p>", esc(&note));
    if b.overdue.is_empty() {
        o.push_str("</section>\n");
        return;
    }
    let unassigned = l(vi, "nobody assigned", "chưa phân công");
    let head = |o: &mut String| {
        let _ = write!(o, "<table><thead><tr><th>{}</th><th>{}</th>", l(vi, "Case", "Hồ sơ"), l(vi, "Ward", "Phường"));
        if b.names {
            let _ = write!(
                o,
                "<th>{}</th><th>{}</th>",
                l(vi, "Name", "Họ tên"),
                l(vi, "Member in charge", "Thành viên phụ trách")
            );
        }
        let _ = writeln!(o, "<th class=\"n\">{}</th></tr></thead><tbody>", l(vi, "Days", "Số ngày"));
    };
    let row = |o: &mut String, r: &crate::report::overdue::Row| {
        let _ = write!(o, "<tr><td>{}</td><td>{}</td>", esc(&r.case_no), esc(&b.ward_name(&r.ward)));
        if b.names {
            let member = match (&r.member_name, &r.org) {
                (Some(m), Some(org)) => format!("{m} ({})", b.org_name(org, vi)),
                (Some(m), None) => m.clone(),
                _ => unassigned.to_string(),
            };
            let _ = write!(o, "<td>{}</td><td>{}</td>", esc(&r.name), esc(&member));
        }
        let _ = writeln!(o, "<td class=\"n\">{}</td></tr>", human::int(r.days_since, vi));
    };
    if b.names {
        head(o);
        for r in &b.overdue {
            row(o, r);
        }
        o.push_str("</tbody></table>\n");
    } else {
        // Three short columns side by side: a case number, a ward and a number fit a third
        // of the page, and 30 cases take a third of the room.
        let per = b.overdue.len().div_ceil(3).max(1);
        o.push_str("<div class=\"cols3\">");
        for chunk in b.overdue.chunks(per) {
            head(o);
            for r in chunk {
                row(o, r);
            }
            o.push_str("</tbody></table>\n");
        }
        o.push_str("</div>\n");
    }
    debug_assert!(b.overdue.len() <= OVERDUE_ROWS);
    o.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_first_word_goes_to_the_axis() {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(common_first_word(&v(&["Phường 1", "Phường 14"])), Some("Phường".into()));
        assert_eq!(common_first_word(&v(&["Phường 1", "Bình Tiên"])), None);
        assert_eq!(common_first_word(&v(&["Phường", "Phường 2"])), None);
    }
}
