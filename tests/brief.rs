//! Tests: the meeting brief (SPEC §12), checked the way a reader meets it — rendered by a real
//! headless Chromium, its figures read back from the rendered DOM and compared with what
//! `report summary`, `report quota` and `report overdue` print for the same dates, then
//! printed to PDF and its pages counted with `pdfinfo`.
//!
//! The browser tests need the Debian packages `chromium` and `poppler-utils`. `.ci/run`
//! installs them and sets `MH51_REQUIRE_CHROMIUM=1`, so in CI a missing browser FAILS the
//! tests; elsewhere they are skipped with a note on stderr.
//!
//! The paragraph's figures for 2021 on the bundled example are the article's (SPEC §1, §9):
//! 55 taken in, 326 under management, 59 progressed, 263 at the end of the year.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

use crate::util::{csv_rows, Env};

/// One demo database shared by the read-only tests below.
fn demo() -> &'static Env {
    static DEMO: OnceLock<Env> = OnceLock::new();
    DEMO.get_or_init(|| {
        let env = Env::empty();
        env.ok(&["demo"]);
        env
    })
}

/// A tool the browser tests need (the brief's, the month sheet's), found on PATH; None (with
/// a note) when missing locally, a failure when CI requires it (`MH51_REQUIRE_CHROMIUM=1`).
pub fn tool(names: &[&str], package: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for n in names {
        for dir in std::env::split_paths(&path) {
            let c = dir.join(n);
            if c.is_file() {
                return Some(c);
            }
        }
    }
    if std::env::var("MH51_REQUIRE_CHROMIUM").is_ok_and(|v| v == "1") {
        panic!("{} is required for the browser tests (MH51_REQUIRE_CHROMIUM=1) but is not installed: apt-get install {package}", names[0]);
    }
    eprintln!("note: {} not installed; skipping a browser test (apt-get install {package})", names[0]);
    None
}

fn chromium() -> Option<PathBuf> {
    tool(&["chromium", "chromium-browser", "google-chrome"], "chromium")
}

/// Chromium's flags for a headless run as root in a fresh, empty profile.
fn headless(browser: &Path, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// The DOM after Chromium has loaded the page. With `javascript` false, the profile's
/// content setting blocks every script of the page (`--blink-settings=scriptEnabled=false`
/// would also stop the DevTools call that `--dump-dom` makes, and print nothing).
fn dom(browser: &Path, page: &Path, javascript: bool) -> String {
    let profile = tempfile::tempdir().unwrap();
    if !javascript {
        std::fs::create_dir(profile.path().join("Default")).unwrap();
        std::fs::write(
            profile.path().join("Default/Preferences"),
            r#"{"profile":{"default_content_setting_values":{"javascript":2}}}"#,
        )
        .unwrap();
    }
    let o = headless(browser, profile.path())
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("running chromium");
    assert!(o.status.success(), "chromium failed: {}", String::from_utf8_lossy(&o.stderr));
    let d = String::from_utf8(o.stdout).unwrap();
    assert!(d.contains("</html>"), "chromium printed no DOM: {d}");
    d
}

/// The text of the one element carrying `data-key="key"` (the figures have no child elements).
fn keyed(dom: &str, key: &str) -> String {
    let needle = format!("data-key=\"{key}\"");
    assert_eq!(dom.matches(&needle).count(), 1, "exactly one element with {needle}");
    let at = dom.find(&needle).unwrap();
    let open = at + dom[at..].find('>').unwrap() + 1;
    let close = open + dom[open..].find('<').unwrap();
    dom[open..close].trim().to_string()
}

/// The figures embedded for scripts.
fn figures(dom: &str) -> Value {
    let start = dom.find("id=\"mh51-figures\">").expect("the figures element") + "id=\"mh51-figures\">".len();
    let end = start + dom[start..].find("</script>").unwrap();
    serde_json::from_str(&dom[start..end]).expect("figures are JSON")
}

/// Thousands with dots (vi) or commas (en), written here from SPEC §11, not the program's.
fn thousands(n: i64, vi: bool) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(if vi { '.' } else { ',' });
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// The text of the element with `id="paragraph"`.
fn paragraph(html: &str) -> String {
    let start = html.find("id=\"paragraph\">").expect("the paragraph") + "id=\"paragraph\">".len();
    let end = start + html[start..].find("</p>").unwrap();
    html[start..end].to_string()
}

fn brief(env: &Env, name: &str, args: &[&str]) -> (PathBuf, String) {
    let path = env.path(name);
    let mut all = vec!["report", "brief", "-o", path.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = env.ok(&all);
    assert_eq!(out, path.to_str().unwrap(), "the path alone on stdout");
    let html = if name.ends_with(".html") { std::fs::read_to_string(&path).unwrap() } else { String::new() };
    (path, html)
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Every value of an attribute `attr=` in the page, quoted or not.
fn attribute_values(html: &str, attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&format!("{attr}=")) {
        let v = from + i + attr.len() + 1;
        let rest = &html[v..];
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest.split(|c: char| c.is_whitespace() || c == '>').next().unwrap_or(""),
        };
        out.push(value.to_string());
        from = v;
    }
    out
}

#[test]
fn the_brief_is_one_private_self_contained_file_and_never_overwrites() {
    let env = demo();
    let (path, html) = brief(env, "self.html", &["-p", "2021"]);
    assert_eq!(mode(&path), 0o600);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    // No reference to any other file or address: no src or href at all, no url() in CSS,
    // no external script, stylesheet, web font or import.
    assert!(attribute_values(&html, "src").is_empty(), "src attributes: {:?}", attribute_values(&html, "src"));
    assert!(attribute_values(&html, "href").is_empty(), "href attributes: {:?}", attribute_values(&html, "href"));
    let lower = html.to_ascii_lowercase();
    for bad in ["<link", "@import", "@font-face", "<iframe", "<img", "<object", "<embed"] {
        assert!(!lower.contains(bad), "the page holds {bad}");
    }
    // url() only for the charts' own hatching patterns (#id), never a file or address.
    for (i, _) in lower.match_indices("url(") {
        let arg = &lower[i + 4..i + 4 + lower[i + 4..].find(')').unwrap()];
        assert!(arg.trim_matches(['"', '\'']).starts_with('#'), "url({arg}) refers outside the page");
    }
    for scheme in ["http:", "https:", "file:", "ftp:", "data:"] {
        assert!(!lower.contains(scheme), "the page names {scheme}");
    }
    // Every <script> is the JSON data block; nothing runs.
    assert_eq!(lower.matches("<script").count(), 1);
    assert!(lower.contains("<script type=\"application/json\" id=\"mh51-figures\">"));

    // Never overwritten; refused like every existing output file.
    let before = std::fs::read(&path).unwrap();
    let err = env.refused(&["report", "brief", "-p", "2021", "-o", path.to_str().unwrap()], &["already exists"]);
    assert!(err.contains("self.html"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn bad_briefs_are_refused_and_write_nothing() {
    let env = demo();
    let txt = env.path("brief.txt");
    env.refused(&["report", "brief", "-p", "2021", "-o", txt.to_str().unwrap()], &["brief.txt", ".html", ".pdf"]);
    assert!(!txt.exists());
    let html = env.path("bad-period.html");
    env.refused(&["report", "brief", "-p", "2021-13", "-o", html.to_str().unwrap()], &["2021-13"]);
    assert!(!html.exists());
    // A PDF with no browser: refused, naming the package to install.
    let pdf = env.path("nobrowser.pdf");
    let empty = tempfile::tempdir().unwrap();
    let before = crate::util::dump(&env.db);
    let o = env
        .command(&["report", "brief", "-p", "2021", "-o", pdf.to_str().unwrap()])
        .env("PATH", empty.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.starts_with("error: ") && err.contains("install the package chromium"), "{err}");
    assert!(!pdf.exists());
    assert_eq!(crate::util::dump(&env.db), before, "the refused brief changed the register");
    env.refused(
        &["report", "brief", "-p", "2021", "-o", pdf.to_str().unwrap(), "--chromium", "/nonexistent/chromium"],
        &["/nonexistent/chromium"],
    );
    assert!(!pdf.exists());
    // -o is required.
    env.usage(&["report", "brief", "-p", "2021"]);
}

#[test]
fn paragraph_for_2021_states_the_articles_figures() {
    let env = demo();
    let (_, vi) = brief(env, "vi.html", &["-p", "2021", "--lang", "vi"]);
    let p = paragraph(&vi);
    assert!(
        p.starts_with(
            "Năm 2021, mô hình “5+1” đã đưa thêm 55 đối tượng vào diện quản lý, nâng tổng số đối tượng quản lý là 326; \
             đã có 59 đối tượng tiến bộ được đưa ra khỏi diện."
        ),
        "{p}"
    );
    // The four other exits (326 − 59 − 263), the closing 263, who is in charge, the quota.
    assert!(p.contains("Ngoài ra, 4 đối tượng ra khỏi diện"), "{p}");
    assert!(p.contains("Đến ngày 31/12/2021, còn 263 đối tượng đang được quản lý, do "), "{p}");
    assert!(p.contains("thành viên của 6 đoàn thể phụ trách"), "{p}");
    assert!(p.contains("Từ ngày 01/01/2021 đến ngày 31/12/2021, ") && p.contains("chỉ tiêu"), "{p}");
    assert!(!p.contains(" 0 đối tượng"), "{p}");
    assert!(vi.contains("<html lang=\"vi\">") && vi.contains("Báo cáo giao ban năm 2021"));
    assert!(vi.contains("QUẬN 6") || vi.contains("Quận 6"));

    // A Vietnamese LANG gives Vietnamese without --lang; --lang en gives English.
    let path = env.path("lang.html");
    env.command(&["report", "brief", "-p", "2021", "-o", path.to_str().unwrap()])
        .env("LANG", "vi_VN.UTF-8")
        .output()
        .unwrap();
    assert!(std::fs::read_to_string(&path).unwrap().contains("Báo cáo giao ban năm 2021"));
    let (_, en) = brief(env, "en.html", &["-p", "2021", "--lang", "en"]);
    let p = paragraph(&en);
    assert!(
        p.starts_with(
            "In 2021 the “5+1” model took in 55 more people, bringing the total under management to 326; \
             59 who made progress were taken off the list."
        ),
        "{p}"
    );
    assert!(
        p.contains("On 31 Dec 2021, 263 people remain under management") && p.contains("of 6 organizations"),
        "{p}"
    );
    assert!(en.contains("<html lang=\"en\">") && en.contains("Coordination meeting brief, 2021"));
}

/// The figures read back from the rendered page equal the reports' for the same dates.
fn check_figures_against_reports(env: &Env, browser: &Path, period: &str, from: &str, to: &str, vi: bool) {
    let name = format!("fig-{}-{}.html", period.replace("..", "_"), vi);
    let lang = if vi { "vi" } else { "en" };
    let (page, _) = brief(env, &name, &["-p", period, "--lang", lang]);
    let d = dom(browser, &page, true);
    let f = figures(&d);
    assert_eq!(f["period"]["from"], from);
    assert_eq!(f["period"]["to"], to);
    let summary: Value =
        serde_json::from_str(&env.ok(&["report", "summary", "-p", period, "--by", "ward", "-f", "json"])).unwrap();
    assert_eq!(f["summary"], summary, "summary of {period}");
    let year_start = format!("{}-01-01..{to}", &to[..4]);
    let quota: Value =
        serde_json::from_str(&env.ok(&["report", "quota", "-p", &year_start, "--by", "org", "-f", "json"])).unwrap();
    assert_eq!(f["quota"], quota, "quota of {year_start}");
    let overdue = csv_rows(&env.ok(&["report", "overdue", "--as-of", to, "-f", "csv"])).len() as i64 - 1;
    assert_eq!(f["overdue"], overdue);
    // Each key figure shows the report's number, formatted for the reader (SPEC §11).
    let total = &summary["total"];
    for key in
        ["opening", "intake", "total_managed", "progressed", "exits", "closing", "contacts", "supports", "loan_amount"]
    {
        assert_eq!(keyed(&d, key), thousands(total[key].as_i64().unwrap(), vi), "{key} of {period}");
    }
    assert_eq!(keyed(&d, "overdue"), thousands(overdue, vi));
}

#[test]
fn figures_in_the_rendered_page_equal_the_reports() {
    let Some(browser) = chromium() else { return };
    let env = demo();
    check_figures_against_reports(env, &browser, "2021", "2021-01-01", "2021-12-31", true);
    check_figures_against_reports(env, &browser, "2022-01-01..2022-05-20", "2022-01-01", "2022-05-20", false);
    check_figures_against_reports(env, &browser, "2021-Q3", "2021-07-01", "2021-09-30", true);
    // The article's figures, as SPEC §9 gives them, on the page.
    let (page, _) = brief(env, "article.html", &["-p", "2021", "--lang", "vi"]);
    let d = dom(&browser, &page, true);
    assert_eq!(keyed(&d, "intake"), "55");
    assert_eq!(keyed(&d, "total_managed"), "326");
    assert_eq!(keyed(&d, "progressed"), "59");
    assert_eq!(keyed(&d, "closing"), "263");
    assert_eq!(keyed(&d, "opening"), "271");
    assert_eq!(keyed(&d, "loan_amount"), "298.000.000");
}

#[test]
fn the_page_reads_the_same_with_javascript_off() {
    let Some(browser) = chromium() else { return };
    let env = demo();
    let (page, _) = brief(env, "nojs.html", &["-p", "2021", "--lang", "vi"]);
    let with = dom(&browser, &page, true);
    let without = dom(&browser, &page, false);
    // The profile really blocks scripts: a probe page's script does not run.
    let probe = env.path("probe.html");
    std::fs::write(&probe, "<p id=x>static</p><script>document.getElementById('x').textContent='ran'</script>")
        .unwrap();
    assert!(dom(&browser, &probe, false).contains(">static<"));
    assert!(dom(&browser, &probe, true).contains(">ran<"));
    for key in ["intake", "total_managed", "progressed", "closing", "overdue"] {
        assert_eq!(keyed(&without, key), keyed(&with, key), "{key}");
    }
    assert_eq!(keyed(&without, "total_managed"), "326");
    assert!(without.contains("đã đưa thêm 55 đối tượng vào diện quản lý"));
    assert_eq!(without.matches("<svg").count(), 5, "the five charts are inline SVG");
}

#[test]
fn names_of_overdue_people_only_with_names() {
    let env = demo();
    let rows = csv_rows(&env.ok(&["report", "overdue", "--as-of", "2021-12-31", "-f", "csv"]));
    assert!(rows.len() > 1, "the example has overdue cases at the end of 2021");
    let (person, member, case_no) = (rows[1][1].clone(), rows[1][4].clone(), rows[1][0].clone());
    let (_, plain) = brief(env, "plain.html", &["-p", "2021"]);
    assert!(plain.contains(&case_no), "the oldest overdue case is listed");
    for r in &rows[1..] {
        assert!(!plain.contains(&r[1]), "a person's name without --names: {}", r[1]);
        if !r[4].is_empty() {
            assert!(!plain.contains(&r[4]), "a member's name without --names: {}", r[4]);
        }
    }
    let (_, named) = brief(env, "named.html", &["-p", "2021", "--names"]);
    assert!(named.contains(&person) && named.contains(&member), "{person} / {member}");
}

#[test]
fn prints_on_a4_in_at_most_four_pages() {
    let Some(_) = chromium() else { return };
    let Some(pdfinfo) = tool(&["pdfinfo"], "poppler-utils") else { return };
    let env = demo();
    for (name, extra) in [("brief.pdf", &[][..]), ("named.pdf", &["--names"][..])] {
        let mut args = vec!["-p", "2021", "--lang", "vi"];
        args.extend_from_slice(extra);
        let (pdf, _) = brief(env, name, &args);
        assert_eq!(mode(&pdf), 0o600, "{name}");
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
        let info = Command::new(&pdfinfo).arg(&pdf).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout).to_string();
        let pages: u32 = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .map(|v| v.trim().parse().unwrap())
            .expect("pdfinfo pages");
        assert!((1..=4).contains(&pages), "{name}: {pages} pages for 14 wards");
        assert!(info.contains("(A4)"), "{info}");
        // Never overwritten.
        env.refused(&["report", "brief", "-p", "2021", "-o", pdf.to_str().unwrap()], &["already exists"]);
    }
    // No temporary page left behind.
    let left: Vec<_> = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("mh51-brief-"))
        .filter(|e| e.metadata().is_ok_and(|m| m.modified().is_ok_and(|t| t.elapsed().is_ok_and(|d| d.as_secs() < 60))))
        .collect();
    assert!(left.is_empty(), "temporary directories left: {left:?}");
}

#[test]
fn an_empty_register_reads_in_words_and_text_is_escaped() {
    let env = Env::empty();
    env.ok(&["init", "--district", "Quận <b>6</b> & \"Co\" </script>"]);
    env.ok(&["ward", "add", "99", "Phường <i>Mới</i>"]);
    let (_, html) = brief(&env, "empty.html", &["-p", "2022-Q1", "--lang", "vi"]);
    assert_eq!(paragraph(&html), "Quý I/2022, mô hình “5+1” không có đối tượng nào trong diện quản lý.");
    assert!(html.contains("Quận &lt;b&gt;6&lt;/b&gt; &amp; &quot;Co&quot; &lt;/script&gt;"));
    assert!(!html.contains("<b>6</b>") && !html.contains("<i>Mới</i>"));
    assert!(html.contains("Phường &lt;i&gt;Mới&lt;/i&gt;"));
    assert_eq!(html.to_ascii_lowercase().matches("</script>").count(), 1, "only the data block closes a script");
    assert!(html.contains("data-key=\"intake\">0<"));
    // A month's trend covers 12 months.
    let (_, month) = brief(&env, "month.html", &["-p", "2022-05", "--lang", "vi"]);
    assert!(month.contains("T6/2021") && month.contains("T5/2022") && !month.contains("T5/2021"));
    assert!(month.contains("Báo cáo giao ban tháng 5/2022"));
}

#[test]
fn one_case_reads_in_the_singular() {
    let env = Env::new();
    let m = env.member("Trần Thị Mai", "PN", "1");
    let case = env.enroll("Lê Văn Tư", "1", "2022-02-01", &["--member", &m]);
    env.ok(&["release", &case, "--reason", "progressed", "--date", "2022-03-01"]);
    let (_, html) = brief(&env, "one.html", &["-p", "2022-Q1", "--lang", "en"]);
    let p = paragraph(&html);
    assert!(
        p.starts_with(
            "In 2022 Q1 the “5+1” model took in 1 more person, bringing the total under management to 1; \
             1 person who made progress was taken off the list."
        ),
        "{p}"
    );
    assert!(p.contains("On 31 Mar 2022 nobody remains under management."), "{p}");
    assert!(p.contains("the members helped 1 person make progress: 50.0% of the target of 2 for 1 member"), "{p}");
}

/// The texts of the SVG chart with `id`, in document order.
fn chart_texts(html: &str, id: &str) -> Vec<String> {
    let start = html.find(&format!("<figure id=\"{id}\">")).expect("the chart");
    let end = start + html[start..].find("</figure>").unwrap();
    let fig = &html[start..end];
    fig.split("</text>")
        .filter_map(|part| part.rfind('>').map(|i| part[i + 1..].to_string()))
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn classes_and_members_in_charge_on_the_last_day() {
    let env = Env::new();
    let lan = env.member("Trần Thị Lan", "PN", "1");
    let hung = env.member("Lê Văn Hùng", "CCB", "2");
    // Latest review on or before 31 March: C (an A before it).
    let a = env.enroll("Nguyễn Văn A", "1", "2022-01-05", &["--member", &lan]);
    env.ok(&["review", &a, "--class", "A", "--date", "2022-01-20"]);
    env.ok(&["review", &a, "--class", "C", "--date", "2022-03-10"]);
    // Reviewed only after 31 March: no review that day.
    let b = env.enroll("Phạm Văn B", "2", "2022-02-01", &["--member", &hung]);
    env.ok(&["review", &b, "--class", "B", "--date", "2022-04-02"]);
    // D, and nobody assigned.
    let c = env.enroll("Võ Văn C", "2", "2022-02-01", &[]);
    env.ok(&["review", &c, "--class", "D", "--date", "2022-03-31"]);
    // Released on the last day: not open that day, its class not counted.
    let d = env.enroll("Bùi Thị D", "1", "2022-01-10", &["--member", &lan]);
    env.ok(&["review", &d, "--class", "A", "--date", "2022-02-10"]);
    env.ok(&["release", &d, "--reason", "moved", "--date", "2022-03-31"]);

    let (_, html) = brief(&env, "classes.html", &["-p", "2022-Q1", "--lang", "en"]);
    let t = chart_texts(&html, "chart-class");
    let value_of = |label: &str| {
        let i = t.iter().position(|x| x.starts_with(label)).unwrap_or_else(|| panic!("{label} in {t:?}"));
        t[i + 1].clone()
    };
    assert_eq!(value_of("A — "), "0 (0.0%)");
    assert_eq!(value_of("B — "), "0 (0.0%)");
    assert_eq!(value_of("C — "), "1 (33.3%)");
    assert_eq!(value_of("D — "), "1 (33.3%)");
    assert_eq!(value_of("No review yet"), "1 (33.3%)");
    assert!(t.iter().any(|x| x == "The 3 open cases on 31 Mar 2022 by latest review"), "{t:?}");
    let p = paragraph(&html);
    assert!(
        p.contains("On 31 Mar 2022, 3 people remain under management, in the charge of 2 members of 2 organizations; 1 has nobody assigned."),
        "{p}"
    );
    assert!(p.contains("1 person also left the list: moved away."), "{p}");
}

/// The change written under a key figure.
fn change(dom: &str, key: &str) -> String {
    let at = dom.find(&format!("data-key=\"{key}\"")).unwrap();
    let c = at + dom[at..].find("class=\"chg\">").unwrap() + "class=\"chg\">".len();
    dom[c..c + dom[c..].find('<').unwrap()].to_string()
}

#[test]
fn each_key_figure_shows_its_change_from_the_previous_period() {
    let env = demo();
    let total = |p: &str| -> Value {
        let v: Value = serde_json::from_str(&env.ok(&["report", "summary", "-p", p, "-f", "json"])).unwrap();
        v["total"].clone()
    };
    // The previous period of a year is the year before; of 1 Jan – 20 May 2022 (140 days),
    // the 140 days before: 14 Aug – 31 Dec 2021.
    for (period, previous) in [("2021", "2020"), ("2022-01-01..2022-05-20", "2021-08-14..2021-12-31")] {
        let (_, html) = brief(env, &format!("chg-{}.html", &period[..4]), &["-p", period, "--lang", "vi"]);
        let (now, before) = (total(period), total(previous));
        for key in ["opening", "intake", "progressed", "closing", "contacts", "loan_amount"] {
            let d = now[key].as_i64().unwrap() - before[key].as_i64().unwrap();
            let want = match d {
                0 => "không đổi".to_string(),
                d if d > 0 => format!("+{}", thousands(d, true)),
                d => format!("−{}", thousands(-d, true)),
            };
            assert_eq!(change(&html, key), want, "{key} of {period} against {previous}");
        }
    }
}

/// A brief killed while the browser prints leaves its page (which may carry names) in the
/// temporary folder; the next mh51 command, whatever it is, removes it. A directory of a
/// process that is still running is left alone.
#[test]
fn a_page_left_by_a_killed_brief_is_removed_by_the_next_command() {
    let e = Env::new();
    let tmp = e.path("tmp");
    std::fs::create_dir(&tmp).unwrap();
    // A "browser" that never finishes printing.
    let browser = e.path("slow-browser");
    std::fs::write(&browser, "#!/bin/sh\nsleep 30\n").unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o700)).unwrap();
    let pdf = e.path("b.pdf");
    let mut child = e
        .command(&[
            "report",
            "brief",
            "-p",
            "2022",
            "-o",
            pdf.to_str().unwrap(),
            "--chromium",
            browser.to_str().unwrap(),
        ])
        .env("TMPDIR", &tmp)
        .spawn()
        .unwrap();
    let left = |tmp: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(tmp)
            .unwrap()
            .flatten()
            .map(|d| d.path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("mh51-brief-"))
            .collect()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !left(&tmp).iter().any(|d| d.join("brief.html").exists()) {
        assert!(std::time::Instant::now() < deadline, "the brief never wrote its page");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL: no destructor runs
    child.wait().unwrap();
    let dirs = left(&tmp);
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    assert!(dirs[0].join("brief.html").exists(), "the killed brief's page is still there");
    assert!(!pdf.exists(), "no PDF at the path given");
    // A running process's directory (this test's own id) is not touched.
    let live = tmp.join(format!("mh51-brief-{}-live", std::process::id()));
    std::fs::create_dir(&live).unwrap();
    let o = e.command(&["settings"]).env("TMPDIR", &tmp).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(left(&tmp), vec![live], "the killed brief's directory is gone, the live one kept");
    // The slow browser itself may still be sleeping; it is an orphan with nothing to read.
}
