//! The month's sheets as paper forms (`sheet -o FILE.html|FILE.pdf`), for members who write
//! by hand: one self-contained HTML page, a section per member, each starting a new printed
//! page (A4 landscape), its table's header repeated on every page a long list runs onto.
//!
//! The same columns as the workbook, in the reader's language: the pre-filled ones as people
//! read them (the ward's name, dates `DD/MM/YYYY` in Vietnamese), the ones to fill in as
//! empty boxes tall enough to write in — the class box shows `A B C D` to circle — and under
//! the table what the classes and the support kinds are, and a line to sign. Every text from
//! the register goes through `esc`; nothing is fetched, no script runs.

use std::fmt::Write;

use super::{column_header, header, Sheets, COLUMNS, FIRST_FILL_IN};
use crate::domain::types::{Class, SupportKind};
use crate::human;
use crate::report::brief::esc;

const CSS: &str = r#"
@page { size: A4 landscape; margin: 10mm 10mm 10mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #111; background: #fff; }
body { margin: 0 auto; padding: 6mm; max-width: 277mm; font-size: 9pt; line-height: 1.3; }
@media print { body { padding: 0; max-width: none; } }
section.sheet { break-after: page; page-break-after: always; }
section.sheet:last-of-type { break-after: auto; page-break-after: auto; }
@media screen { section.sheet { border-bottom: 2px dashed #999; padding-bottom: 6mm; margin-bottom: 6mm; } }
header { margin-bottom: 2mm; }
.register { font-size: 10pt; font-weight: bold; text-transform: uppercase; margin: 0; }
h1 { font-size: 14pt; margin: 1mm 0 0; }
.who { font-size: 11pt; font-weight: bold; margin: 1mm 0 0; }
.how { font-size: 8.5pt; font-style: italic; margin: 1mm 0 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { background: #dde6f0; font-size: 8.5pt; vertical-align: middle; text-align: center; }
th, td { border: 1px solid #555; padding: .6mm 1.2mm; }
td { height: 12mm; vertical-align: top; overflow-wrap: anywhere; }
td.c { text-align: center; }
/* A case number or a date is never broken across lines (SPEC §11). */
td.n { white-space: nowrap; }
td.box { background: #fff; }
td.pick { text-align: center; vertical-align: middle; color: #777; letter-spacing: .25em; }
td.day { vertical-align: bottom; text-align: center; color: #999; }
.legend { font-size: 8pt; margin: 1.5mm 0 0; }
.sign { display: flex; justify-content: flex-end; margin-top: 3mm; }
.sign div { width: 75mm; text-align: center; font-size: 9pt; }
.sign .space { height: 14mm; }
"#;

/// Widths of the columns (per cent), in the order of [`COLUMNS`].
const WIDTHS: [u32; 13] = [3, 8, 10, 6, 11, 8, 4, 8, 8, 12, 9, 6, 7];

/// The whole page in the reader's language. `title` is each form's heading; `register` the
/// register's name (setting `district`), possibly empty.
pub fn page(s: &Sheets, register: &str, title: &str, vi: bool) -> String {
    let mut o = String::with_capacity(4096 + s.cases() * 600);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        if vi { "vi" } else { "en" },
        esc(&if register.is_empty() { title.to_string() } else { format!("{register} — {title}") })
    );
    let classes: Vec<String> = Class::ALL.iter().map(|c| format!("{} — {}", c.code(), c.label(vi))).collect();
    let kinds: Vec<&str> = SupportKind::ALL.iter().map(|k| k.label(vi)).collect();
    for sheet in &s.sheets {
        let _ = writeln!(o, "<section class=\"sheet\">\n<header>");
        if !register.is_empty() {
            let _ = writeln!(o, "<p class=\"register\">{}</p>", esc(register));
        }
        let _ = writeln!(
            o,
            "<h1>{}</h1>\n<p class=\"who\">{}</p>\n<p class=\"how\">{}</p>\n</header>",
            esc(&crate::text::capitalise(title)),
            esc(&super::workbook::member_line(s, sheet, vi)),
            esc(&super::workbook::instructions(vi))
        );
        o.push_str("<table>\n<colgroup>");
        for w in WIDTHS {
            let _ = write!(o, "<col style=\"width:{w}%\">");
        }
        o.push_str("</colgroup>\n<thead><tr>");
        for (i, key) in COLUMNS.iter().enumerate() {
            let _ = write!(o, "<th data-col=\"{key}\">{}</th>", esc(&header(i, vi)));
        }
        o.push_str("</tr></thead>\n<tbody>\n");
        for (i, r) in sheet.rows.iter().enumerate() {
            let (last_day, last_class) = match &r.last {
                Some((d, c)) => (human::date(*d, vi), c.as_str()),
                None => (String::new(), ""),
            };
            let _ = write!(
                o,
                "<tr data-case=\"{}\"><td class=\"c\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td>\
                 <td class=\"c n\">{}</td><td class=\"c\">{}</td>",
                esc(&r.case_no),
                i + 1,
                esc(&r.case_no),
                esc(&r.name),
                esc(&s.ward_name(&r.ward)),
                esc(r.address.as_deref().unwrap_or("")),
                esc(&last_day),
                esc(last_class)
            );
            for key in &COLUMNS[FIRST_FILL_IN..] {
                let _ = match *key {
                    "reviewed_on" => write!(o, "<td class=\"box day\">/&#8195;&#8195;/</td>"),
                    "class" => write!(o, "<td class=\"box pick\">A B C D</td>"),
                    _ => write!(o, "<td class=\"box\"></td>"),
                };
            }
            o.push_str("</tr>\n");
        }
        o.push_str("</tbody>\n</table>\n");
        let (cl, kl) = (column_header("class", vi), column_header("support_kind", vi));
        let _ = writeln!(o, "<p class=\"legend\"><b>{cl}:</b> {}.</p>", esc(&classes.join("; ")));
        let _ = writeln!(o, "<p class=\"legend\"><b>{kl}:</b> {}.</p>", esc(&kinds.join(", ")));
        let (day, signer, sig) =
            (crate::w!(vi, "sheet-sign-day"), crate::w!(vi, "sheet-sign-member"), crate::w!(vi, "sheet-sign-how"));
        let _ = writeln!(
            o,
            "<div class=\"sign\"><div>{day}<br><b>{signer}</b><br><i>{sig}</i><div class=\"space\"></div></div></div>\n</section>"
        );
    }
    o.push_str("</body>\n</html>\n");
    o
}
