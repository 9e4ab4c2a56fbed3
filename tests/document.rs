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
}
