//! Text rules shared by every layer: how names are cleaned before they are stored, and
//! how they are folded for search and duplicate checks (SPEC §3).
//!
//! - `clean` trims, collapses inner whitespace and normalizes to NFC, so a name typed in
//!   decomposed Unicode is stored the same as one typed precomposed.
//! - `fold` lowercases and strips Vietnamese diacritics (`đ` → `d`), so `nguyen van a`
//!   finds `Nguyễn Văn A`.
//! - `natural_key` orders codes the way people count: `2` before `10`.
//! - `clean_line` and `clean_note` are the one gate every text the register stores passes
//!   (SPEC §16): they refuse control characters and bidirectional controls and drop
//!   invisible zero-width characters, then clean as above. `visible` is the other side:
//!   what a terminal is shown of a stored text.
//!
//! # Which characters, and why
//! - **Control characters** (C0 U+0000–U+001F, DEL, C1 U+0080–U+009F) are refused: they have
//!   no place in a name or an address and an escape sequence can rewrite a clerk's terminal.
//!   The whitespace among them (tab, line feed, carriage return, form feed, NEL) is
//!   whitespace, as it always was: in a one-line text (a name, a code, an address, a phone,
//!   a setting, the actor) each run of whitespace becomes one space; a note keeps its line
//!   breaks (CR LF and a lone CR become LF, as do U+2028/U+2029 and NEL) and a tab in it
//!   becomes a space.
//! - **Bidirectional controls** (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and
//!   other invisible formatting characters (tags U+E0000–U+E007F, interlinear annotation
//!   U+FFF9–U+FFFB) are refused: they change how a text is *shown* without being seen, so
//!   a name could display as another; dropping them would change what the clerk sees.
//! - **Zero-width characters** (U+200B–U+200D, U+2060–U+2064, the BOM U+FEFF, the soft
//!   hyphen U+00AD, U+034F, U+180E) are dropped silently: they are invisible, carry nothing
//!   in Vietnamese text, and come in by copy and paste (web pages, Word, a BOM inside a CSV
//!   cell); refusing them would ask the clerk to remove a character she cannot see. Dropping
//!   them before anything is stored or compared is what keeps two spellings that look the
//!   same from escaping the duplicate check. `fold` drops them too, so a lookup typed with
//!   one still finds its entry.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Trim, collapse runs of whitespace to one space, drop zero-width characters, and
/// normalize to NFC. (No refusal here: this is also how `check` says what a stored name
/// should be; new text goes through [`clean_line`] or [`clean_note`].)
pub fn clean(s: &str) -> String {
    if s.chars().any(is_invisible) {
        let visible: String = s.chars().filter(|c| !is_invisible(*c)).collect();
        return clean(&visible);
    }
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // Most text is NFC already (a Vietnamese keyboard writes precomposed letters): the quick
    // check says so without composing it again ("Maybe" and "No" are composed).
    if is_nfc_quick(collapsed.chars()) == IsNormalized::Yes {
        return collapsed;
    }
    collapsed.nfc().collect()
}

/// Invisible characters that are dropped from every stored text (see the module doc).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{034F}' | '\u{180E}')
}

/// Bidirectional controls: refused (see the module doc).
pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Other invisible formatting characters that are refused: tags and interlinear annotation.
fn is_hidden_format(c: char) -> bool {
    matches!(c, '\u{E0000}'..='\u{E007F}' | '\u{FFF9}'..='\u{FFFB}')
}

/// Why a text was refused: the character, its place (1-based, in characters of the text as
/// typed) and what kind of character it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unwanted {
    pub ch: char,
    pub at: usize,
    pub kind: UnwantedKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnwantedKind {
    Control,
    Bidi,
    Format,
}

fn unwanted(s: &str, keep: impl Fn(char) -> bool) -> Result<(), Unwanted> {
    for (i, c) in s.chars().enumerate() {
        let kind = if keep(c) {
            continue;
        } else if c.is_control() {
            UnwantedKind::Control
        } else if is_bidi(c) {
            UnwantedKind::Bidi
        } else if is_hidden_format(c) {
            UnwantedKind::Format
        } else {
            continue;
        };
        return Err(Unwanted { ch: c, at: i + 1, kind });
    }
    Ok(())
}

/// A one-line text as it is stored (a name, code, address, phone, setting, actor): refused
/// if it holds a control character that is not whitespace, a bidirectional control or a
/// hidden formatting character; else [`clean`].
pub fn clean_line(s: &str) -> Result<String, Unwanted> {
    unwanted(s, char::is_whitespace)?;
    Ok(clean(s))
}

/// A note as it is stored: line breaks kept (CR LF, CR, NEL, U+2028 and U+2029 become LF),
/// a tab becomes a space, zero-width characters dropped, trimmed, NFC; refused for any other
/// control character, a bidirectional control or a hidden formatting character.
pub fn clean_note(s: &str) -> Result<String, Unwanted> {
    unwanted(s, |c| matches!(c, '\t' | '\n' | '\r' | '\u{85}'))?;
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
    Ok(out.trim().nfc().collect())
}

/// A text as a terminal may be shown it: every control character but the line feed, every
/// bidirectional control and every invisible character made visible — C0 as its Control
/// Pictures sign (ESC → `␛`, tab → `␉`), DEL as `␡`, the others as `<U+XXXX>` — so that
/// nothing read from the register can move the cursor, clear the screen, set the window's
/// title or reorder what is shown. Ordinary text comes back borrowed, unchanged.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| (c.is_control() && c != '\n') || is_bidi(c) || is_invisible(c) || is_hidden_format(c);
    if !s.chars().any(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !bad(c) => out.push(c),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7f}' => out.push('\u{2421}'),
            c => out.push_str(&format!("<U+{:04X}>", c as u32)),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Fold for comparison: clean, decompose, drop combining marks, map đ/Đ to d, lowercase.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Codes, numbers and unaccented text: nothing to decompose.
        let mut out = String::with_capacity(s.len());
        for w in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        }
        return out;
    }
    let seen: String;
    let s = if s.chars().any(is_invisible) {
        seen = s.chars().filter(|c| !is_invisible(*c)).collect();
        seen.as_str()
    } else {
        s
    };
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text with its first letter in upper case (`tiến bộ` → `Tiến bộ`), for a label that
/// starts a sentence or a cell.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A sort key in which every run of ASCII digits is left-padded to 10 places, so codes sort
/// naturally (`2` < `10` < `Tân Định`).
pub fn natural_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 10);
    let mut digits = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush_digits(&mut out, &mut digits);
            out.push(c);
        }
    }
    flush_digits(&mut out, &mut digits);
    out
}

fn flush_digits(out: &mut String, digits: &mut String) {
    if !digits.is_empty() {
        let trimmed = digits.trim_start_matches('0');
        for _ in trimmed.len()..10 {
            out.push('0');
        }
        out.push_str(trimmed);
        digits.clear();
    }
}

/// Initials for redacted exports: `Nguyễn Văn An` → `N.V.A.`.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.nfc().next())
        .flat_map(|c| c.to_uppercase().chain(std::iter::once('.')))
        .collect()
}

/// The first line of a key file's bytes: without a UTF-8 byte-order mark before it (Notepad
/// writes one) and without the line end (LF or CRLF) after it (SPEC §16).
pub fn first_line(text: &[u8]) -> &[u8] {
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    let line = text.split(|b| *b == b'\n').next().unwrap_or_default();
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[cfg(test)]
#[path = "../tests/unit/text.rs"]
mod tests;
