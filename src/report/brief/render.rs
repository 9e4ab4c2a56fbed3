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
use crate::w;

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
    let dates = w!(vi, "brief-dates", from = human::date(b.period.from, vi), to = human::date(b.period.to, vi));
    let title = w!(vi, "brief-title", period = words);
    head(&mut o, vi, &b.district, &title, &dates);
    // 2. The paragraph.
    let _ = writeln!(o, "<p class=\"lead\" id=\"paragraph\">{}</p>", esc(&paragraph::paragraph(&b.facts(vi), vi)));

    // 3. Key figures with their change from the previous period.
    let prev_words = human::period(&b.previous.period, vi);
    let t = &b.summary.total;
    let pt = &b.previous.total;
    let _ = writeln!(o, "<h2>{}</h2>", w!(vi, "brief-key-figures"));
    let _ = writeln!(o, "<p class=\"note\">{}</p>", esc(&w!(vi, "brief-change-note", period = prev_words)));
    let fig = |o: &mut String, key: &str, label: &str, v: i64, before: i64, main: bool| {
        let d = v - before;
        let chg = match d {
            0 => w!(vi, "brief-no-change"),
            d => format!("{}{}", if d > 0 { "+" } else { "−" }, n(d.abs())),
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
    fig(&mut o, "opening", &w!(vi, "brief-fig-opening"), t.opening, pt.opening, false);
    fig(&mut o, "intake", &w!(vi, "brief-taken-in"), t.intake, pt.intake, true);
    fig(&mut o, "total_managed", &w!(vi, "brief-total-managed"), t.total_managed, pt.total_managed, true);
    fig(&mut o, "progressed", &w!(vi, "brief-fig-progressed"), t.progressed, pt.progressed, true);
    fig(&mut o, "exits", &w!(vi, "brief-fig-exits"), t.exits, pt.exits, false);
    fig(&mut o, "closing", &w!(vi, "brief-fig-closing"), t.closing, pt.closing, true);
    o.push_str("</div>\n<div class=\"figs work\">\n");
    fig(&mut o, "contacts", &w!(vi, "brief-fig-contacts"), t.contacts, pt.contacts, false);
    fig(&mut o, "supports", &w!(vi, "brief-fig-supports"), t.supports, pt.supports, false);
    fig(&mut o, "loan_amount", &w!(vi, "brief-loans"), t.loan_amount, pt.loan_amount, false);
    let overdue_label = w!(vi, "brief-fig-overdue", day = human::date(b.period.to, vi));
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
        w!(vi, "brief-footer"),
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
    let people = &w!(vi, "brief-people");

    // (a) The trend.
    let cats: Vec<String> = b.trend.rows.iter().map(|r| trend_label(&r.group, vi)).collect();
    let pick = |f: fn(&Row) -> i64| b.trend.rows.iter().map(f).collect::<Vec<_>>();
    let trend_title = if b.trend_months { w!(vi, "brief-trend-months") } else { w!(vi, "brief-trend-quarters") };
    let chart = svg::columns(
        "trend",
        &trend_title,
        &if b.trend_months { w!(vi, "brief-month") } else { w!(vi, "brief-quarter") },
        people,
        &cats,
        &[
            series(&w!(vi, "brief-series-closing"), pick(|r| r.closing)),
            series(&w!(vi, "brief-taken-in"), pick(|r| r.intake)),
            series(&w!(vi, "brief-series-progressed"), pick(|r| r.progressed)),
        ],
    );
    let _ = writeln!(o, "<figure id=\"chart-trend\">{chart}</figure>");

    // (b) By ward. When every name starts with the same word ("Phường 1" … "Phường 14"), that
    // word goes to the axis and the bars carry the rest, so 14 wards fit side by side.
    let names: Vec<String> = b.summary.rows.iter().map(|r| b.ward_name(&r.group)).collect();
    let (axis, cats) = match common_first_word(&names) {
        Some(w) => (w.clone(), names.iter().map(|n| n[w.len()..].trim().to_string()).collect()),
        None => (w!(vi, "brief-ward"), names),
    };
    let chart = svg::columns(
        "ward",
        &w!(vi, "brief-by-ward"),
        &axis,
        people,
        &cats,
        &[
            series(&w!(vi, "brief-series-closing"), b.summary.rows.iter().map(|r| r.closing).collect()),
            series(&w!(vi, "brief-series-progressed"), b.summary.rows.iter().map(|r| r.progressed).collect()),
        ],
    );
    let _ = writeln!(o, "<figure id=\"chart-ward\">{chart}</figure>");

    // (c) By organization: open cases in charge and progressed, then the quota.
    let rows: Vec<&Row> = b.by_org.rows.iter().filter(|r| r.group != "unassigned" || r.total_managed > 0).collect();
    let cats: Vec<String> = rows.iter().map(|r| b.org_name(&r.group, vi)).collect();
    let chart = svg::bars(
        "org",
        &w!(vi, "brief-by-org"),
        people,
        &cats,
        &[
            series(&w!(vi, "brief-series-in-charge"), rows.iter().map(|r| r.closing).collect()),
            series(&w!(vi, "brief-series-progressed"), rows.iter().map(|r| r.progressed).collect()),
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
    let quota_title =
        w!(vi, "brief-quota-chart", from = human::date(q.period.from, vi), to = human::date(q.period.to, vi));
    let chart = svg::progress(
        "quota",
        &quota_title,
        &w!(vi, "brief-quota-axis"),
        [&w!(vi, "brief-achieved"), &w!(vi, "brief-target")],
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
    cats.push(w!(vi, "brief-no-review"));
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
    let class_title = w!(vi, "brief-class-chart", open = open, day = human::date(b.period.to, vi));
    let chart = svg::bars(
        "class",
        &class_title,
        people,
        &cats,
        &[Series { label: w!(vi, "brief-open-cases"), values: vals, texts }],
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

/// A table's header row: the first column a name, the others numbers.
fn head_row(o: &mut String, heads: &[String]) {
    o.push_str("<table><thead><tr>");
    for (i, h) in heads.iter().enumerate() {
        let _ = write!(o, "<th{}>{}</th>", if i > 0 { " class=\"n\"" } else { "" }, h);
    }
}

fn ward_table(o: &mut String, b: &Brief, vi: bool) {
    let _ = writeln!(
        o,
        "<section id=\"table-ward\" class=\"keep\"><h2>{}</h2>",
        esc(&w!(vi, "brief-ward-table", period = human::period(&b.period, vi)))
    );
    let heads = [
        w!(vi, "brief-ward"),
        w!(vi, "brief-col-opening"),
        w!(vi, "brief-col-intake"),
        w!(vi, "brief-total-managed"),
        w!(vi, "brief-col-progressed"),
        w!(vi, "brief-col-exits"),
        w!(vi, "brief-col-closing"),
        w!(vi, "brief-col-contacts"),
        w!(vi, "brief-col-supports"),
        w!(vi, "brief-loans"),
    ];
    head_row(o, &heads);
    o.push_str("</tr></thead><tbody>\n");
    let vals = |r: &Row| {
        [r.opening, r.intake, r.total_managed, r.progressed, r.exits, r.closing, r.contacts, r.supports, r.loan_amount]
    };
    for r in &b.summary.rows {
        let _ = write!(o, "<tr><td>{}</td>", esc(&b.ward_name(&r.group)));
        num_cells(o, &vals(r), vi);
        o.push_str("</tr>\n");
    }
    let _ = write!(o, "<tr class=\"total\"><td>{}</td>", w!(vi, "brief-total"));
    num_cells(o, &vals(&b.summary.total), vi);
    o.push_str("</tr>\n</tbody></table></section>\n");
}

fn quota_table(o: &mut String, b: &Brief, vi: bool) {
    let q = &b.quota;
    let title = w!(
        vi,
        "brief-quota-table",
        quota = q.quota,
        from = human::date(q.period.from, vi),
        to = human::date(q.period.to, vi)
    );
    let _ = writeln!(o, "<section id=\"table-quota\" class=\"keep\"><h2>{}</h2>", esc(&title));
    let heads = [
        w!(vi, "brief-col-org"),
        w!(vi, "brief-col-members"),
        w!(vi, "brief-target"),
        w!(vi, "brief-achieved"),
        w!(vi, "brief-col-members-met"),
        w!(vi, "brief-col-shortfall"),
        w!(vi, "brief-col-pct"),
    ];
    head_row(o, &heads);
    o.push_str("</tr></thead><tbody>\n");
    let row = |o: &mut String, name: &str, r: &crate::report::quota::Row, total: bool| {
        let _ = write!(o, "<tr{}><td>{}</td>", if total { " class=\"total\"" } else { "" }, esc(name));
        num_cells(o, &[r.members, r.target, r.achieved, r.members_met, r.shortfall], vi);
        let _ = writeln!(o, "<td class=\"n\">{}</td></tr>", r.pct().map(|p| human::pct(p, vi)).unwrap_or_default());
    };
    for r in &q.rows {
        row(o, &b.org_name(&r.group, vi), r, false);
    }
    row(o, &w!(vi, "brief-total"), &q.total, true);
    o.push_str("</tbody></table></section>\n");
}

fn overdue_table(o: &mut String, b: &Brief, vi: bool) {
    let day = human::date(b.period.to, vi);
    let _ = writeln!(
        o,
        "<section id=\"table-overdue\" class=\"overdue\"><h2>{}</h2>",
        esc(&w!(vi, "brief-overdue-table", day = day))
    );
    let count = b.overdue_count;
    let shown = b.overdue.len() as i64;
    let note = w!(
        vi,
        "brief-overdue-note",
        count = count,
        days = b.overdue_days,
        more = count > shown,
        shown = shown,
        on = iso(b.period.to)
    );
    let _ = writeln!(o, "<p class=\"note\">{}</p>", esc(&note));
    if b.overdue.is_empty() {
        o.push_str("</section>\n");
        return;
    }
    let unassigned = w!(vi, "brief-nobody-assigned");
    let head = |o: &mut String| {
        let _ = write!(o, "<table><thead><tr><th>{}</th><th>{}</th>", w!(vi, "brief-col-case"), w!(vi, "brief-ward"));
        if b.names {
            let _ = write!(o, "<th>{}</th><th>{}</th>", w!(vi, "brief-col-name"), w!(vi, "brief-col-member"));
        }
        let _ = writeln!(o, "<th class=\"n\">{}</th></tr></thead><tbody>", w!(vi, "brief-col-days"));
    };
    let row = |o: &mut String, r: &crate::report::overdue::Row| {
        let _ = write!(o, "<tr><td>{}</td><td>{}</td>", esc(&r.case_no), esc(&b.ward_name(&r.ward)));
        if b.names {
            let member = match (&r.member_name, &r.org) {
                (Some(m), Some(org)) => format!("{m} ({})", b.org_name(org, vi)),
                (Some(m), None) => m.clone(),
                _ => unassigned.clone(),
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
