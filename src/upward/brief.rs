//! `city brief -p P -o FILE.html`: the city's figures for a meeting, on one self-contained
//! page, built with the ward brief's own machinery (its CSS, `esc` and the SVG charts of
//! `report::brief::svg`). Every figure is one of `city report summary|quota|contacts --by
//! unit` (`upward::reports::consolidate`); the page counts nothing itself. Units that sent
//! nothing for the period are named on the page.

use std::collections::HashMap;
use std::fmt::Write;

use serde_json::json;

use crate::domain::types::Period;
use crate::human;
use crate::report::brief::esc;
use crate::report::brief::svg::{self, Series};
use crate::upward::reports::Consolidated;
use crate::view::{json_object, Cell};
use crate::w;

/// What the page shows.
pub struct CityBrief {
    pub name: String,
    pub period: Period,
    pub summary: Consolidated,
    pub quota: Consolidated,
    pub contacts: Consolidated,
    /// Unit code → name.
    pub names: HashMap<String, String>,
}

fn int_at(c: &Consolidated, row: &[Cell], col: &str) -> i64 {
    match c.columns.iter().position(|k| *k == col).and_then(|i| row.get(i)) {
        Some(Cell::Int(v)) => *v,
        _ => 0,
    }
}

fn pct_at(c: &Consolidated, row: &[Cell]) -> Option<f64> {
    match c.columns.iter().position(|k| *k == "pct").and_then(|i| row.get(i)) {
        Some(Cell::Dec1(v)) => Some(*v),
        _ => None,
    }
}

fn unit_of(row: &[Cell]) -> String {
    match row.first() {
        Some(Cell::Text(t)) => t.clone(),
        _ => String::new(),
    }
}

fn report_json(c: &Consolidated) -> serde_json::Value {
    let cols: Vec<String> =
        std::iter::once("unit".to_string()).chain(c.columns[1..].iter().map(|s| s.to_string())).collect();
    json!({
        "period": {"from": c.from, "to": c.to},
        "rows": c.rows.iter().map(|r| json_object(&cols, r)).collect::<Vec<_>>(),
        "total": json_object(&cols, &c.total),
        "missing": c.missing.iter().map(|u| u.code.clone()).collect::<Vec<_>>(),
    })
}

/// The page in the reader's language.
pub fn page(b: &CityBrief, vi: bool) -> String {
    let mut o = String::with_capacity(32 * 1024);
    let n = |v: i64| human::int(v, vi);
    let words = human::period(&b.period, vi);
    let from = human::date(b.period.from, vi);
    let to = human::date(b.period.to, vi);
    let title = w!(vi, "city-brief-title", period = &words);
    crate::report::brief::render::head(
        &mut o,
        vi,
        &b.name,
        &title,
        &w!(vi, "city-brief-dates", from = &from, to = &to),
    );
    let s = &b.summary;
    let t = &s.total;
    let sent = s.rows.len();
    let lead = w!(
        vi,
        "city-brief-lead",
        sent = sent,
        units = s.units,
        managed = int_at(s, t, "total_managed"),
        progressed = int_at(s, t, "progressed"),
        closing = int_at(s, t, "closing")
    );
    let _ = writeln!(o, "<p class=\"lead\" id=\"paragraph\">{}</p>", esc(&lead));
    if !s.missing.is_empty() {
        let list: Vec<String> = s.missing.iter().map(|u| format!("{} ({})", u.name, u.code)).collect();
        let _ = writeln!(
            o,
            "<p class=\"note\" id=\"missing\">{}</p>",
            esc(&w!(vi, "city-brief-missing", count = s.missing.len(), units = list.join(", ")))
        );
    }
    // Key figures.
    let _ = writeln!(o, "<h2>{}</h2>\n<div class=\"figs people\">", esc(&w!(vi, "city-brief-key-figures")));
    for key in ["opening", "intake", "total_managed", "progressed", "exits", "closing"] {
        let _ = writeln!(
            o,
            "<div class=\"fig{}\"><div class=\"lbl\">{}</div><div class=\"num\" data-key=\"{key}\">{}</div></div>",
            if matches!(key, "total_managed" | "progressed" | "closing") { " main" } else { "" },
            esc(&crate::labels::label(key, vi)),
            n(int_at(s, t, key))
        );
    }
    o.push_str("</div>\n");
    // Charts by unit.
    let cats: Vec<String> =
        s.rows.iter().map(|r| b.names.get(&unit_of(r)).cloned().unwrap_or_else(|| unit_of(r))).collect();
    let series = |c: &Consolidated, col: &str, label: String| {
        let values: Vec<i64> = c.rows.iter().map(|r| int_at(c, r, col)).collect();
        Series { texts: values.iter().map(|v| n(*v)).collect(), values, label }
    };
    let _ = writeln!(o, "<h2>{}</h2>", esc(&w!(vi, "city-brief-by-unit")));
    let chart = svg::bars(
        "c-managed",
        &w!(vi, "city-brief-chart-managed"),
        &w!(vi, "city-brief-axis-people"),
        &cats,
        &[
            series(s, "total_managed", crate::labels::label("total_managed", vi)),
            series(s, "progressed", crate::labels::label("progressed", vi)),
            series(s, "closing", crate::labels::label("closing", vi)),
        ],
    );
    let _ = writeln!(o, "<figure id=\"chart-managed\">{chart}</figure>");
    let q = &b.quota;
    let qcats: Vec<String> =
        q.rows.iter().map(|r| b.names.get(&unit_of(r)).cloned().unwrap_or_else(|| unit_of(r))).collect();
    let achieved: Vec<i64> = q.rows.iter().map(|r| int_at(q, r, "achieved")).collect();
    let target: Vec<i64> = q.rows.iter().map(|r| int_at(q, r, "target")).collect();
    let texts: Vec<String> = q
        .rows
        .iter()
        .map(|r| {
            let p = pct_at(q, r).map(|p| human::pct(p, vi)).unwrap_or_default();
            format!("{} / {} ({p} %)", n(int_at(q, r, "achieved")), n(int_at(q, r, "target")))
        })
        .collect();
    let ach_label = crate::labels::label("achieved", vi);
    let tgt_label = crate::labels::label("target", vi);
    let chart = svg::progress(
        "c-quota",
        &w!(vi, "city-brief-chart-quota", from = &q.from, to = &q.to),
        &w!(vi, "city-brief-axis-people"),
        [ach_label.as_str(), tgt_label.as_str()],
        &qcats,
        &achieved,
        &target,
        &texts,
    );
    let _ = writeln!(o, "<figure id=\"chart-quota\">{chart}</figure>");
    let c = &b.contacts;
    let ccats: Vec<String> =
        c.rows.iter().map(|r| b.names.get(&unit_of(r)).cloned().unwrap_or_else(|| unit_of(r))).collect();
    let chart = svg::bars(
        "c-contacts",
        &w!(vi, "city-brief-chart-contacts"),
        &w!(vi, "city-brief-axis-cases"),
        &ccats,
        &[
            series(c, "cases", crate::labels::label("cases", vi)),
            series(c, "contacted", crate::labels::label("contacted", vi)),
        ],
    );
    let _ = writeln!(o, "<figure id=\"chart-contacts\">{chart}</figure>");
    // The table by unit.
    let cols = ["total_managed", "progressed", "exits", "closing", "contacts", "supports"];
    let _ = write!(o, "<table id=\"units\"><thead><tr><th>{}</th>", esc(&crate::labels::label("unit", vi)));
    for k in cols {
        let _ = write!(o, "<th class=\"n\">{}</th>", esc(&crate::labels::label(k, vi)));
    }
    o.push_str("</tr></thead><tbody>\n");
    for (r, name) in s.rows.iter().zip(&cats) {
        let _ = write!(o, "<tr><td>{}</td>", esc(name));
        for k in cols {
            let _ = write!(o, "<td class=\"n\">{}</td>", n(int_at(s, r, k)));
        }
        o.push_str("</tr>\n");
    }
    let _ = write!(o, "<tr class=\"total\"><td>{}</td>", esc(&w!(vi, "table-total")));
    for k in cols {
        let _ = write!(o, "<td class=\"n\">{}</td>", n(int_at(s, t, k)));
    }
    o.push_str("</tr>\n</tbody></table>\n");
    let p = format!("{}..{}", crate::domain::types::iso(b.period.from), crate::domain::types::iso(b.period.to));
    let _ = writeln!(o, "<footer>{}</footer>", esc(&w!(vi, "city-brief-footer", period = &p)));
    let figures = json!({
        "period": {"from": crate::domain::types::iso(b.period.from), "to": crate::domain::types::iso(b.period.to)},
        "summary": report_json(&b.summary),
        "quota": report_json(&b.quota),
        "contacts": report_json(&b.contacts),
    });
    let json = figures.to_string().replace("</", "<\\/");
    let _ = write!(o, "<script type=\"application/json\" id=\"mh51-figures\">{json}</script>\n</body>\n</html>\n");
    o
}
