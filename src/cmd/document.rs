//! `report document -p P -o FILE.docx [--number …] [--place …] [--date D] [--signer …]
//! [--signer-title …] [--recipient …]…`: the official report in the layout of Decree
//! 30/2020/NĐ-CP (SPEC §20), gathered like the brief and written as a new private file.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use super::App;
use crate::domain::lookup;
use crate::domain::types::{parse_date_any, Period};
use crate::paths::create_private;
use crate::report::{brief, document};

/// What the clerk typed.
#[derive(Debug, Default)]
pub struct Options {
    pub number: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub signer: Option<String>,
    pub signer_title: Option<String>,
    pub recipients: Vec<String>,
}

/// A typed text: cleaned, 1 to `max` characters, no control characters other than the line
/// breaks `multiline` allows.
fn text(option: &str, value: &str, max: usize, multiline: bool) -> Result<String> {
    let bad_char = value.chars().any(|c| c.is_control() && !(multiline && c == '\n'));
    let v = if multiline {
        value.lines().map(crate::text::clean).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
    } else {
        crate::text::clean(value)
    };
    if bad_char || v.is_empty() || v.chars().count() > max {
        crate::refuse_w!(
            "document-text-invalid",
            option = option.to_string(),
            value = value.to_string(),
            max = max.to_string()
        );
    }
    Ok(v)
}

pub fn run(app: &App, period: Option<&str>, output: &Path, o: Options) -> Result<()> {
    let p = Period::parse(period, app.today)?;
    let ext = output.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if ext.as_deref() != Some("docx") {
        crate::refuse_w!("document-written-as-file", output = output.display().to_string());
    }
    if output.exists() {
        crate::refuse_w!("already-exists-choose-new", output = output.display().to_string());
    }
    let date = match o.date.as_deref() {
        Some(d) => parse_date_any(d)?,
        None => app.today,
    };
    let number = o.number.as_deref().map(|v| text("--number", v, 50, false)).transpose()?;
    let place = o.place.as_deref().map(|v| text("--place", v, 100, false)).transpose()?;
    let signer = o.signer.as_deref().map(|v| text("--signer", v, 100, false)).transpose()?;
    let signer_title = o.signer_title.as_deref().map(|v| text("--signer-title", v, 200, true)).transpose()?;
    let recipients = o.recipients.iter().map(|v| text("--recipient", v, 200, false)).collect::<Result<Vec<_>>>()?;

    let conn = app.open_read()?;
    let b = brief::gather(&conn, p, false)?;
    let setting = |k: &str| -> Result<String> { Ok(lookup::setting(&conn, k)?.unwrap_or_default().trim().to_string()) };
    let issuer = match setting("issuer")? {
        s if s.is_empty() => b.district.clone(),
        s => s,
    };
    let place = place.or_else(|| (!b.district.is_empty()).then(|| document::place_of(&b.district)));
    let h = document::Heading {
        issuer_parent: setting("issuer_parent")?,
        issuer,
        number,
        place,
        date,
        signer,
        signer_title,
        recipients,
        ward_word: crate::labels::ward_label().map(str::to_string).unwrap_or_else(|| crate::w!(true, "doc-ward")),
    };
    let mut bytes = std::io::Cursor::new(Vec::new());
    document::document(&b, &h).pack(&mut bytes).context("writing the Word document")?;
    let bytes = document::repeat_header_rows(&bytes.into_inner()).context("marking the tables' header rows")?;
    write_new_file(output, &bytes)?;
    writeln!(std::io::stdout().lock(), "{}", output.display())?;
    Ok(())
}

/// Create `path` as a new 0600 file holding `bytes`; on any failure nothing is left behind.
/// (The one place this command creates its file, to switch to the shared output-file
/// function when it exists.)
fn write_new_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = create_private(path)?;
    let written = f.write_all(bytes).and_then(|()| f.sync_all());
    if let Err(e) = written {
        drop(f);
        let _ = std::fs::remove_file(path);
        return Err(e).with_context(|| format!("writing {}", path.display()));
    }
    Ok(())
}
