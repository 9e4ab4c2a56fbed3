//! The catalogue of words (SPEC §18): texts meant for people, by message id, one Fluent file
//! set per language (`i18n/vi/*.ftl`, `i18n/en/*.ftl`), compiled into the binary. A
//! translator changes the Vietnamese wording by editing `i18n/vi/`, without reading Rust.
//!
//! Code asks for a text with [`w!`]: `w!(vi, "brief-closing", closing = 263, day = "31/12/2021")`.
//! Numbers are passed as numbers, so that a message can choose its words by them (`[0]`,
//! `[one]`, `*[other]`) and show them with `NUM(…)`, which writes them as the rest of mh51
//! does (`1.234` in Vietnamese, `1,234` in English); everything else is passed as text.
//!
//! Every message, refusal, label, title, help text and the brief's and the document's words are
//! here. What Vietnamese is left in the product's Rust source (3 lines, a test keeps it so) is
//! data, not words for people: the example's district, the unit words stripped from a place
//! name (`report::document`), and the model's Vietnamese name in the command line's one-line
//! description. The names a new register is seeded with are the catalogue's (`dict-*`), the
//! example city's invented names are data (`src/city_names.txt`), and the unit tests whose
//! test data is Vietnamese live in `tests/unit/` (each is its file's `tests` module, by
//! `#[path]`), so `src/` as a whole holds 22 such lines. A few older calls still
//! take a word pair (`refuse!(en; vi)` with both texts from here, `label_w!`), so that a rule
//! can name what it refuses in both languages.
//!
//! Tests below: both catalogues parse, hold the same ids, and each id the same variables; every
//! id the code asks for exists, and every id in the catalogue is asked for somewhere.
//!
//! Decision: `fluent-bundle` directly, with the files `include_str!`-ed, rather than
//! i18n-embed: the catalogue is two languages known at build time, chosen by `--lang` (or the
//! register's setting), never by the system locale at run time, so the loader, the locale
//! negotiation and the file-system assets i18n-embed adds would all go unused.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The Vietnamese catalogue, file by file.
pub const VI: &[(&str, &str)] = &[
    ("brief.ftl", include_str!("../i18n/vi/brief.ftl")),
    ("document.ftl", include_str!("../i18n/vi/document.ftl")),
    ("tables.ftl", include_str!("../i18n/vi/tables.ftl")),
    ("aliases.ftl", include_str!("../i18n/vi/aliases.ftl")),
    ("register.ftl", include_str!("../i18n/vi/register.ftl")),
    ("keys.ftl", include_str!("../i18n/vi/keys.ftl")),
    ("periods.ftl", include_str!("../i18n/vi/periods.ftl")),
    ("rules.ftl", include_str!("../i18n/vi/rules.ftl")),
    ("commands.ftl", include_str!("../i18n/vi/commands.ftl")),
    ("input.ftl", include_str!("../i18n/vi/input.ftl")),
    ("city.ftl", include_str!("../i18n/vi/city.ftl")),
    ("help.ftl", include_str!("../i18n/vi/help.ftl")),
    ("check.ftl", include_str!("../i18n/vi/check.ftl")),
    ("said.ftl", include_str!("../i18n/vi/said.ftl")),
    ("cli.ftl", include_str!("../i18n/vi/cli.ftl")),
    ("clap.ftl", include_str!("../i18n/vi/clap.ftl")),
    ("domain.ftl", include_str!("../i18n/vi/domain.ftl")),
    ("sheets.ftl", include_str!("../i18n/vi/sheets.ftl")),
];
/// The English catalogue, file by file (the same files).
pub const EN: &[(&str, &str)] = &[
    ("brief.ftl", include_str!("../i18n/en/brief.ftl")),
    ("document.ftl", include_str!("../i18n/en/document.ftl")),
    ("tables.ftl", include_str!("../i18n/en/tables.ftl")),
    ("aliases.ftl", include_str!("../i18n/en/aliases.ftl")),
    ("register.ftl", include_str!("../i18n/en/register.ftl")),
    ("keys.ftl", include_str!("../i18n/en/keys.ftl")),
    ("periods.ftl", include_str!("../i18n/en/periods.ftl")),
    ("rules.ftl", include_str!("../i18n/en/rules.ftl")),
    ("commands.ftl", include_str!("../i18n/en/commands.ftl")),
    ("input.ftl", include_str!("../i18n/en/input.ftl")),
    ("city.ftl", include_str!("../i18n/en/city.ftl")),
    ("help.ftl", include_str!("../i18n/en/help.ftl")),
    ("check.ftl", include_str!("../i18n/en/check.ftl")),
    ("said.ftl", include_str!("../i18n/en/said.ftl")),
    ("cli.ftl", include_str!("../i18n/en/cli.ftl")),
    ("clap.ftl", include_str!("../i18n/en/clap.ftl")),
    ("domain.ftl", include_str!("../i18n/en/domain.ftl")),
    ("sheets.ftl", include_str!("../i18n/en/sheets.ftl")),
];

/// One argument of a message.
pub enum Arg {
    Num(i64),
    Text(String),
    /// A text the caller has in both languages (a word of the rules, "review"/"tiếp xúc"):
    /// the message takes the reader's.
    Both {
        en: String,
        vi: String,
    },
}

/// An argument given in both languages ([`Arg::Both`]).
pub fn both(en: impl std::fmt::Display, vi: impl std::fmt::Display) -> Arg {
    Arg::Both { en: en.to_string(), vi: vi.to_string() }
}

impl From<i64> for Arg {
    fn from(v: i64) -> Arg {
        Arg::Num(v)
    }
}
impl From<i32> for Arg {
    fn from(v: i32) -> Arg {
        Arg::Num(v as i64)
    }
}
impl From<usize> for Arg {
    fn from(v: usize) -> Arg {
        Arg::Num(v as i64)
    }
}
impl From<u32> for Arg {
    fn from(v: u32) -> Arg {
        Arg::Num(i64::from(v))
    }
}
impl From<u64> for Arg {
    fn from(v: u64) -> Arg {
        Arg::Num(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg::Text(v.to_string())
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg::Text(v)
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Arg {
        Arg::Text(v.clone())
    }
}
impl From<bool> for Arg {
    /// A yes/no choice, selected in the message as `[yes]` / `*[no]`.
    fn from(v: bool) -> Arg {
        Arg::Text(if v { "yes" } else { "no" }.to_string())
    }
}

/// A text from the catalogue: `w!(vi, "id")` or `w!(vi, "id", name = value, …)`.
#[macro_export]
macro_rules! w {
    ($vi:expr, $id:literal) => {
        $crate::words::text($vi, $id, &[])
    };
    ($vi:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::words::text($vi, $id, &[$((stringify!($name), $crate::words::Arg::from($value))),+])
    };
}

/// A word of the catalogue that lives as long as the program: `label_w!(vi, "id")`, for the
/// places that hand out `&'static str` (a vocabulary's labels, the words a refusal names);
/// `label_w!("id")` gives it in both languages, `(en, vi)`.
#[macro_export]
macro_rules! label_w {
    ($id:literal) => {
        ($crate::words::label(false, $id), $crate::words::label(true, $id))
    };
    ($vi:expr, $id:literal) => {
        $crate::words::label($vi, $id)
    };
}

/// The message `id` (without arguments) as a `&'static str`: each text is looked up once and
/// kept for the program's life (the set of such ids is small and finite: the vocabularies'
/// labels and names, and the words the rules name in their refusals).
pub fn label(vi: bool, id: &str) -> &'static str {
    type Cache = Mutex<[HashMap<String, &'static str>; 2]>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let mut cache = CACHE.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    let map = &mut cache[usize::from(vi)];
    if let Some(s) = map.get(id) {
        return s;
    }
    let s: &'static str = match plain(vi, id) {
        Some(p) => p,
        None => Box::leak(text(vi, id, &[]).into_boxed_str()),
    };
    map.insert(id.to_string(), s);
    s
}

/// The message `id` when it is one line of plain text (`id = words`: no placeable, no
/// attribute, no line after it), read from the catalogue's source as Fluent would give it;
/// None for any other message, which [`text`] then formats. So that a command whose rules
/// only need a few such words at hand (a `review`, for the refusals it might give) does not
/// parse the whole catalogue of both languages for them, which was two fifths of one write's
/// work. A test checks it against [`text`] for every message.
fn plain(vi: bool, id: &str) -> Option<&'static str> {
    let files = if vi { VI } else { EN };
    // The id at the start of a line: after a line break (found with memchr's vectorised
    // search, the catalogues being 215 KB), or at the very start of a file.
    let needle = format!("\n{id}");
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    for (_, source) in files {
        let first = source.starts_with(id).then_some(0);
        for at in first.into_iter().chain(finder.find_iter(source.as_bytes()).map(|i| i + 1)) {
            let from = at + id.len();
            // Then `=`.
            let Some(rest) = source[from..].trim_start_matches(' ').strip_prefix('=') else {
                continue;
            };
            let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
            let value = line.trim_matches(' ');
            // A value on lines of its own, a placeable, a carriage return: Fluent's to read.
            if value.is_empty() || value.contains(['{', '}', '\r', '\t']) {
                return None;
            }
            // An indented line after it (past blank ones) continues the value or is an attribute.
            let next = after.lines().find(|l| !l.trim().is_empty());
            if next.is_some_and(|l| l.starts_with(char::is_whitespace)) {
                return None;
            }
            return Some(value);
        }
    }
    None
}

fn build(vi: bool) -> FluentBundle<FluentResource> {
    let (lang, files) = if vi { ("vi", VI) } else { ("en", EN) };
    let id: unic_langid::LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around placeables: the texts go to terminals, CSV titles
    // and Word documents, where the marks would show or be stored.
    bundle.set_use_isolating(false);
    let _ = bundle.add_function("NUM", move |args: &[FluentValue<'_>], _named: &FluentArgs<'_>| match args.first() {
        Some(FluentValue::Number(n)) => FluentValue::from(crate::human::int(n.value as i64, vi)),
        Some(other) => other.clone(),
        None => FluentValue::None,
    });
    for (_, source) in files {
        // A catalogue that does not parse fails the tests below; here it is whatever parsed.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn bundle(vi: bool) -> &'static FluentBundle<FluentResource> {
    static VI_B: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN_B: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    if vi {
        VI_B.get_or_init(|| build(true))
    } else {
        EN_B.get_or_init(|| build(false))
    }
}

/// The other words both catalogues accept for the value `code` of the vocabulary `vocab`
/// (`alias-reason-moved = chuyển đi | chuyển nơi cư trú`): Vietnamese and English alike, since
/// a clerk may type either whatever the language of the output.
pub fn aliases(vocab: &str, code: &str) -> Vec<String> {
    let id = format!("alias-{vocab}-{code}");
    [true, false]
        .into_iter()
        .filter(|vi| bundle(*vi).has_message(&id))
        .flat_map(|vi| text(vi, &id, &[]).split('|').map(|a| a.trim().to_string()).collect::<Vec<_>>())
        .filter(|a| !a.is_empty())
        .collect()
}

/// Whether the catalogue has the message `id` (both catalogues hold the same ids: a test).
pub fn has(id: &str) -> bool {
    bundle(false).has_message(id)
}

/// The message `id` in Vietnamese (`vi`) or English, with its arguments. An id missing from
/// the catalogue (which the tests rule out) gives the id itself.
pub fn text(vi: bool, id: &str, args: &[(&str, Arg)]) -> String {
    let b = bundle(vi);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fa = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Num(n) => fa.set(*name, FluentValue::from(*n)),
            Arg::Text(t) => fa.set(*name, FluentValue::from(t.as_str())),
            Arg::Both { en, vi: v } => fa.set(*name, FluentValue::from(if vi { v.as_str() } else { en.as_str() })),
        }
    }
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&fa), &mut errors).into_owned()
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    /// The variables a pattern refers to, through select expressions and function calls.
    fn vars_of(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                vars_of_expr(expression, out);
            }
        }
    }

    fn vars_of_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                vars_of_inline(selector, out);
                for v in variants {
                    vars_of(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => vars_of_inline(i, out),
        }
    }

    fn vars_of_inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    vars_of_inline(a, out);
                }
            }
            ast::InlineExpression::Placeable { expression } => vars_of_expr(expression, out),
            _ => {}
        }
    }

    /// id → variables, for one language; every file must parse.
    fn catalogue(files: &[(&str, &str)]) -> BTreeMap<String, BTreeSet<String>> {
        let mut out = BTreeMap::new();
        for (name, source) in files {
            let res = match fluent_syntax::parser::parse(*source) {
                Ok(r) => r,
                Err((_, errors)) => panic!("{name} does not parse: {errors:?}"),
            };
            for entry in res.body {
                if let ast::Entry::Message(m) = entry {
                    let mut vars = BTreeSet::new();
                    if let Some(v) = &m.value {
                        vars_of(v, &mut vars);
                    }
                    assert!(out.insert(m.id.name.to_string(), vars).is_none(), "{name}: {} twice", m.id.name);
                }
            }
        }
        out
    }

    #[test]
    fn a_plain_message_read_from_the_source_is_what_fluent_gives() {
        let mut read = 0;
        for (vi, files) in [(true, VI), (false, EN)] {
            for id in catalogue(files).keys() {
                if let Some(p) = plain(vi, id) {
                    assert_eq!(p, text(vi, id, &[]), "{id} (vi: {vi})");
                    read += 1;
                }
            }
        }
        // The words a write's rules hold ready are read so (the point of it).
        for id in ["word-actor", "domain-entry-review", "domain-word-be-assigned"] {
            assert!(plain(false, id).is_some() && plain(true, id).is_some(), "{id}");
        }
        assert!(read > 200, "{read} messages read from the source");
        // What is not one plain line is left to Fluent.
        assert_eq!(plain(false, "no-such-message"), None);
        assert_eq!(plain(false, "brief-closing"), None, "it has placeables");
    }

    #[test]
    fn both_catalogues_hold_the_same_ids_with_the_same_variables() {
        let vi = catalogue(VI);
        let en = catalogue(EN);
        let vi_ids: BTreeSet<_> = vi.keys().collect();
        let en_ids: BTreeSet<_> = en.keys().collect();
        assert_eq!(vi_ids.difference(&en_ids).collect::<Vec<_>>(), Vec::<&&String>::new(), "only in vi");
        assert_eq!(en_ids.difference(&vi_ids).collect::<Vec<_>>(), Vec::<&&String>::new(), "only in en");
        for (id, vars) in &vi {
            assert_eq!(Some(vars), en.get(id), "{id}: the variables differ");
        }
        assert!(vi.len() > 20, "the catalogue is read: {} ids", vi.len());
    }

    /// Every `w!(…, "id" …)` in the source, by a plain scan of `src/`.
    fn used_ids() -> BTreeSet<String> {
        fn walk(dir: &std::path::Path, out: &mut BTreeSet<String>) {
            for e in std::fs::read_dir(dir).expect("src") {
                let p = e.expect("entry").path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("words.rs") {
                    let s = std::fs::read_to_string(&p).expect("read");
                    let mut rest = s.as_str();
                    while let Some(i) = rest.find("w!(") {
                        // `w!` itself, or `refuse_w!`/`refusal_w!`/`label_w!`, not `anyhow!` or another macro
                        // ending in w.
                        let before = &rest[..i];
                        let own = !before.chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_')
                            || before.ends_with("refuse_")
                                && !before[..before.len() - 7].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                            || before.ends_with("refusal_")
                                && !before[..before.len() - 8].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                            || before.ends_with("label_")
                                && !before[..before.len() - 6].ends_with(|c: char| c.is_alphanumeric() || c == '_');
                        rest = &rest[i + 3..];
                        if !own {
                            continue;
                        }
                        // The first argument is the language (no quotes) — none for `refuse_w!` —
                        // and the id is the first literal.
                        let Some(q) = rest.find('"') else { break };
                        // The language may be a call (`self.vi()`), whose parentheses close
                        // inside; one more `)` than `(` ends the macro before any literal.
                        let lang = &rest[..q];
                        if lang.contains(';') || lang.matches(')').count() > lang.matches('(').count() {
                            continue;
                        }
                        let after = &rest[q + 1..];
                        let end = after.find('"').expect("closing quote");
                        out.insert(after[..end].to_string());
                    }
                }
            }
        }
        let mut out = BTreeSet::new();
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
        out
    }

    #[test]
    fn every_id_the_code_asks_for_exists_and_none_is_unused() {
        let vi = catalogue(VI);
        let used = used_ids();
        let missing: Vec<_> = used.iter().filter(|id| !vi.contains_key(*id)).collect();
        assert!(missing.is_empty(), "asked for but not in the catalogue: {missing:?}");
        // Aliases are looked up by their vocabulary and code (`aliases`), and so are the
        // vocabularies' labels and names (`vocab-…`, `domain::types`); the vocabularies'
        // tests check that each names a real value.
        // A command's examples are looked up by its path (`help::decorate`), `check`'s rules
        // by the id in `check::RULES`, the command line's help by its English (`cli_vi::vi_of`);
        // tests there and below check that each is real.
        let unused: Vec<_> = vi
            .keys()
            .filter(|id| {
                !used.contains(*id)
                    && !id.starts_with("alias-")
                    && !id.starts_with("vocab-")
                    && !id.starts_with("examples")
                    && !id.starts_with("check-rule-")
                    && !id.starts_with("cli-")
                    && !id.starts_with("clap-")
            })
            .collect();
        assert!(unused.is_empty(), "in the catalogue but never asked for: {unused:?}");
    }

    #[test]
    fn every_examples_id_names_a_real_command() {
        use clap::CommandFactory;
        let found: BTreeSet<String> =
            crate::help::all_examples(&crate::cli::Cli::command()).into_iter().map(|(id, _)| id).collect();
        let listed: BTreeSet<String> = catalogue(EN).into_keys().filter(|id| id.starts_with("examples")).collect();
        assert_eq!(found, listed, "an examples- id that is no command's path");
        assert!(found.len() >= 20, "{found:?}");
    }

    #[test]
    fn numbers_choose_the_words_and_are_written_with_separators() {
        assert_eq!(
            text(true, "brief-empty", &[("when", "Năm 2021".into())]),
            "Năm 2021, mô hình “5+1” không có đối tượng nào trong diện quản lý."
        );
        let one = text(
            false,
            "brief-closing",
            &[
                ("closing", 1.into()),
                ("members", 0.into()),
                ("orgs", 0.into()),
                ("unassigned", 0.into()),
                ("day", "1 May 2022".into()),
            ],
        );
        assert_eq!(one, "On 1 May 2022, 1 person remains under management, with no member assigned yet.");
        let many = text(
            true,
            "brief-closing",
            &[
                ("closing", 12345.into()),
                ("members", 0.into()),
                ("orgs", 0.into()),
                ("unassigned", 0.into()),
                ("day", "01/05/2022".into()),
            ],
        );
        assert_eq!(many, "Đến ngày 01/05/2022, còn 12.345 đối tượng đang được quản lý, chưa đối tượng nào được phân công thành viên phụ trách.");
        // No isolation marks around what is put in.
        assert!(!many.contains('\u{2068}') && !many.contains('\u{2069}'));
        // A missing id gives itself, never a panic.
        assert_eq!(text(true, "no-such-id", &[]), "no-such-id");
    }

    /// Vietnamese string literals still in the Rust source outside unit tests (SPEC §18 wants at
    /// most 30 lines): 3, all data (see the module's comment); the number may only go down.
    #[test]
    fn vietnamese_literals_in_the_source_only_go_down() {
        const CEILING: usize = 3;
        fn walk(dir: &std::path::Path, n: &mut usize) {
            for e in std::fs::read_dir(dir).expect("src") {
                let p = e.expect("entry").path();
                if p.is_dir() {
                    walk(&p, n);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    let s = std::fs::read_to_string(&p).expect("read");
                    // The product's code: a file's unit tests (its `#[cfg(test)]` module, at
                    // its end by the house's convention) hold expected values, not messages.
                    *n += s
                        .lines()
                        .take_while(|l| l.trim() != "#[cfg(test)]")
                        .filter(|l| has_vietnamese_literal(l))
                        .count();
                }
            }
        }
        let mut n = 0;
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut n);
        assert!(n <= CEILING, "{n} lines of Rust hold Vietnamese literals (ceiling {CEILING}): put new words in i18n/");
    }

    /// A line with a string literal holding a letter only Vietnamese uses (comments aside).
    fn has_vietnamese_literal(line: &str) -> bool {
        let code = line.trim_start();
        if code.starts_with("//") {
            return false;
        }
        let mut in_str = false;
        let mut prev = ' ';
        for ch in code.chars() {
            if ch == '"' && prev != '\\' {
                in_str = !in_str;
            } else if in_str && "ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ".contains(ch)
            {
                return true;
            }
            prev = ch;
        }
        false
    }
}
