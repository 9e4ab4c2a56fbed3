//! Tests: the official report (SPEC §20), read back by a second, independent reader —
//! LibreOffice headless converts the .docx to PDF and text; pdfinfo and pdffonts check the
//! page size, page count and fonts; the text is checked for the title block and the figures
//! against `report summary … -f json`. Skipped with a note without soffice, except when
//! `MH51_REQUIRE_LIBREOFFICE=1` (set by .ci/run).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::util::Env;

fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        let c = dir.join("soffice");
        if c.is_file() {
            return Some(c);
        }
    }
    if std::env::var("MH51_REQUIRE_LIBREOFFICE").is_ok_and(|v| v == "1") {
        panic!("soffice is required (MH51_REQUIRE_LIBREOFFICE=1): apt-get install libreoffice-writer-nogui");
    }
    eprintln!("note: soffice not installed; skipping a LibreOffice test of the document");
    None
}

/// Convert `doc` with LibreOffice to `to` ("pdf", "txt:Text") in a private profile.
fn convert(soffice: &Path, doc: &Path, to: &str) -> PathBuf {
    let profile = tempfile::tempdir().unwrap();
    let out = doc.parent().unwrap();
    let o = Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", profile.path().display()))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(out)
        .arg(doc)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ext = to.split(':').next().unwrap();
    let p = doc.with_extension(ext);
    assert!(p.exists(), "LibreOffice wrote no {ext}");
    p
}

fn run(cmd: &str, arg: &Path) -> String {
    String::from_utf8_lossy(&Command::new(cmd).arg(arg).output().unwrap().stdout).to_string()
}

#[test]
fn the_document_is_private_and_refused_like_every_output_file() {
    let env = Env::empty();
    env.ok(&["demo"]);
    let path = env.path("r.docx");
    let out = env.ok(&["report", "document", "-p", "2021", "-o", path.to_str().unwrap()]);
    assert_eq!(out, path.to_str().unwrap());
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    assert!(std::fs::read(&path).unwrap().starts_with(b"PK"), "a .docx is a zip");
    let before = std::fs::read(&path).unwrap();
    env.refused(&["report", "document", "-p", "2021", "-o", path.to_str().unwrap()], &["already exists"]);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    for (name, args, want) in [
        ("r.doc", vec!["-p", "2021"], "FILE.docx"),
        ("bad.docx", vec!["-p", "2021-13"], "2021-13"),
        ("date.docx", vec!["-p", "2021", "--date", "2022-02-30"], "2022-02-30"),
    ] {
        let p = env.path(name);
        let mut a = vec!["report", "document", "-o", p.to_str().unwrap()];
        a.extend(args);
        env.refused(&a, &[want]);
        assert!(!p.exists(), "{name} left behind");
    }
}

#[test]
fn libreoffice_reads_a4_times_title_block_and_the_reports_figures() {
    let Some(soffice) = soffice() else { return };
    let env = Env::empty();
    env.ok(&["demo"]);
    env.ok(&["settings", "issuer", "Ban Chỉ đạo mô hình 5+1"]);
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("bao-cao.docx");
    env.ok(&[
        "report",
        "document",
        "-p",
        "2021",
        "-o",
        doc.to_str().unwrap(),
        "--number",
        "12/BC-MTTQ",
        "--date",
        "2022-01-05",
        "--signer",
        "Nguyễn Văn A",
        "--signer-title",
        "TRƯỞNG BAN",
        "--recipient",
        "UBND Quận 6",
    ]);
    let pdf = convert(&soffice, &doc, "pdf");
    let info = run("pdfinfo", &pdf);
    assert!(info.contains("595.") && info.contains("841.") && info.contains("(A4)"), "{info}");
    let pages: u32 = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!((1..=6).contains(&pages), "{pages} pages for 14 wards");
    let fonts = run("pdffonts", &pdf);
    assert!(fonts.contains("LiberationSerif") || fonts.contains("TimesNewRoman"), "{fonts}");
    let txt = std::fs::read_to_string(convert(&soffice, &doc, "txt:Text")).unwrap();
    for want in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BAN CHỈ ĐẠO MÔ HÌNH 5+1",
        "Số: 12/BC-MTTQ",
        "Quận 6, ngày 05 tháng 01 năm 2022",
        "BÁO CÁO",
        "Kết quả thực hiện mô hình “5+1” năm 2021",
        "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "Nơi nhận:",
        "- UBND Quận 6;",
        "- Lưu: VT.",
        "TRƯỞNG BAN",
        "Nguyễn Văn A",
        "đã đưa thêm 55 đối tượng vào diện quản lý, nâng tổng số đối tượng quản lý là 326",
        "298.000.000",
    ] {
        assert!(txt.contains(want), "missing {want:?} in\n{txt}");
    }
    // Every ward's closing figure and the totals equal report summary's.
    let s: Value =
        serde_json::from_str(&env.ok(&["report", "summary", "-p", "2021", "--by", "ward", "-f", "json"])).unwrap();
    let lines: Vec<&str> = txt.lines().map(str::trim).collect();
    let total = &s["total"];
    assert_eq!(total["closing"], 263);
    let at = lines.iter().position(|l| *l == "Tổng cộng").expect("the ward table's total row");
    for (i, key) in ["opening", "intake", "total_managed", "progressed", "exits", "closing"].iter().enumerate() {
        assert_eq!(lines[at + 1 + i], total[key].as_i64().unwrap().to_string(), "{key}");
    }
    // And every ward's row, cell by cell, in the order of the table's columns (figures written
    // with a dot between thousands, as the document writes them).
    let dotted = |v: i64| {
        let d = v.to_string();
        let mut out = String::new();
        for (i, c) in d.chars().enumerate() {
            if i > 0 && (d.len() - i).is_multiple_of(3) {
                out.push('.');
            }
            out.push(c);
        }
        out
    };
    let names: Vec<Vec<String>> = crate::util::csv_rows(&env.ok(&["ward", "list", "-f", "csv"]));
    let rows = s["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 14);
    for r in rows {
        let code = r["group"].as_str().unwrap();
        let name = &names.iter().find(|w| w[0] == code).unwrap()[1];
        let row = lines[..at].iter().rposition(|l| *l == name.as_str()).unwrap_or_else(|| panic!("no row for {name}"));
        let keys = [
            "opening",
            "intake",
            "total_managed",
            "progressed",
            "exits",
            "closing",
            "contacts",
            "supports",
            "loan_amount",
        ];
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(lines[row + 1 + i], dotted(r[key].as_i64().unwrap()), "{name} {key}");
        }
    }
    // The quota table, figure by figure, against report quota for the same days (1 January
    // to the period's last day): every organization's row and the total, in the table's
    // column order, the rate worked out here from achieved and target (one decimal, comma).
    let q: Value =
        serde_json::from_str(&env.ok(&["report", "quota", "-p", "2021", "--by", "org", "-f", "json"])).unwrap();
    assert_eq!(q["period"]["from"], "2021-01-01");
    assert_eq!(q["period"]["to"], "2021-12-31");
    let head = lines
        .iter()
        .position(|l| {
            l.starts_with("4. Chỉ tiêu theo đoàn thể (2 người mỗi thành viên), từ ngày 01/01/2021 đến ngày 31/12/2021")
        })
        .expect("the quota heading");
    let orgs: Vec<Vec<String>> = crate::util::csv_rows(&env.ok(&["org", "list", "-f", "csv"]));
    let rate = |r: &Value| {
        let (a, t) = (r["achieved"].as_i64().unwrap(), r["target"].as_i64().unwrap());
        format!("{:.1}", a as f64 * 100.0 / t as f64).replace('.', ",")
    };
    let qkeys = ["members", "target", "achieved", "members_met", "shortfall"];
    let mut rows: Vec<(String, &Value)> = q["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (orgs.iter().find(|o| o[0] == r["group"].as_str().unwrap()).unwrap()[1].clone(), r))
        .collect();
    assert_eq!(rows.len(), 6, "six organizations");
    rows.push(("Tổng cộng".to_string(), &q["total"]));
    for (name, r) in rows {
        let at =
            head + lines[head..].iter().position(|l| *l == name).unwrap_or_else(|| panic!("no quota row for {name}"));
        for (i, key) in qkeys.iter().enumerate() {
            assert_eq!(lines[at + 1 + i], dotted(r[key].as_i64().unwrap()), "{name} {key}");
        }
        assert_eq!(
            r["target"].as_i64().unwrap() - r["achieved"].as_i64().unwrap().min(r["target"].as_i64().unwrap()),
            r["shortfall"].as_i64().unwrap(),
            "{name}: shortfall"
        );
        assert_eq!(lines[at + 6], rate(r), "{name} rate");
    }
    // The body's paragraph is the brief's, sentence for sentence (both from the catalogue).
    let dir2 = tempfile::tempdir().unwrap();
    let html = dir2.path().join("b.html");
    env.ok(&["--lang", "vi", "report", "brief", "-p", "2021", "-o", html.to_str().unwrap()]);
    let page = std::fs::read_to_string(&html).unwrap();
    let lead = page.split("id=\"paragraph\">").nth(1).unwrap().split("</p>").next().unwrap();
    let lead = lead.replace("&amp;", "&").replace("&quot;", "\"");
    let flat = txt.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(lead.len() > 300 && flat.contains(lead.trim()), "the brief's paragraph {lead:?} is not in the document");
}

/// A ward table longer than a page (60 wards) shows its column names again at the top of
/// the next page, as LibreOffice lays it out: the header row is `tblHeader`.
#[test]
fn a_ward_table_longer_than_a_page_repeats_its_header_row() {
    let Some(soffice) = soffice() else { return };
    let env = Env::empty();
    env.ok(&["init", "--district", "Quận 6", "--wards", "60"]);
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("dai.docx");
    env.ok(&["report", "document", "-p", "2021", "-o", doc.to_str().unwrap()]);
    let pdf = convert(&soffice, &doc, "pdf");
    let page = |n: u32| {
        let o = Command::new("pdftotext")
            .args(["-f", &n.to_string(), "-l", &n.to_string(), "-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout).to_string()
    };
    // The page where the ward table ends (its last ward) is not the page where it begins, and
    // carries the column names again.
    let info = run("pdfinfo", &pdf);
    let pages: u32 = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    let first = (1..=pages).find(|&n| page(n).contains("Phường 1 ")).expect("the ward table's first row");
    let last = (1..=pages).find(|&n| page(n).contains("Phường 60")).expect("the ward table's last row");
    assert!(last > first, "60 wards fit on one page? first {first}, last {last}");
    // Above the first ward row of that page: the column names (wrapped in their narrow
    // columns, so looked for word by word). Without a repeated header the page begins with a
    // ward's row.
    let text = page(last);
    let top: String = text
        .lines()
        .take_while(|l| {
            !l.trim_start().strip_prefix("Phường ").is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        })
        .collect::<Vec<_>>()
        .join("\n");
    for word in ["Đầu", "Tiến", "Cuối", "Giúp", "Hỗ trợ vốn"] {
        assert!(top.contains(word), "no repeated header ({word}) on page {last}:\n{text}");
    }
}
