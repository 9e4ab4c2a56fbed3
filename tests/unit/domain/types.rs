//! Unit tests of `src/domain/types.rs`, compiled as its `tests` module (`#[path]`): kept out of `src/` with
//! their test data, which is Vietnamese (SPEC §18: the product's words are in `i18n/`).

/// Every alias in the catalogue names a value that exists: a vocabulary's code, or a
/// seeded organization's or category's.
#[test]
fn every_alias_names_a_real_value() {
    let mut known: Vec<String> = Vec::new();
    known.extend(Class::ALL.iter().map(|v| format!("alias-{}-{}", Class::KEY, v.code())));
    known.extend(Reason::ALL.iter().map(|v| format!("alias-{}-{}", Reason::KEY, v.code())));
    known.extend(SupportKind::ALL.iter().map(|v| format!("alias-{}-{}", SupportKind::KEY, v.code())));
    known.extend(Gender::ALL.iter().map(|v| format!("alias-{}-{}", Gender::KEY, v.code())));
    known.extend(crate::domain::register::DEFAULT_ORGS.iter().map(|c| format!("alias-org-{c}")));
    known.extend(crate::domain::register::DEFAULT_CATEGORIES.iter().map(|c| format!("alias-category-{c}")));
    let mut seen = 0;
    for (file, source) in crate::words::VI.iter().chain(crate::words::EN) {
        for line in source.lines() {
            if let Some(id) = line.strip_prefix("alias-").and_then(|l| l.split(" =").next()) {
                let id = format!("alias-{id}");
                assert!(known.contains(&id), "{file}: {id} names no value");
                seen += 1;
            }
        }
    }
    assert!(seen > 20, "aliases read: {seen}");
    assert!(crate::words::aliases("kind", "loan").contains(&"cho vay".to_string()));
}
use super::*;

/// Every `vocab-…` id in the catalogue names a vocabulary or one of its values, and every
/// value of every vocabulary has its label (and each vocabulary its name) in both languages.
#[test]
fn every_vocab_id_names_a_real_value_and_every_value_has_its_labels() {
    let mut known: Vec<String> = Vec::new();
    known.push(format!("vocab-{}", Class::KEY));
    known.extend(Class::ALL.iter().map(|v| format!("vocab-{}-{}", Class::KEY, v.code())));
    known.push(format!("vocab-{}", Reason::KEY));
    known.extend(Reason::ALL.iter().map(|v| format!("vocab-{}-{}", Reason::KEY, v.code())));
    known.push(format!("vocab-{}", SupportKind::KEY));
    known.extend(SupportKind::ALL.iter().map(|v| format!("vocab-{}-{}", SupportKind::KEY, v.code())));
    known.push(format!("vocab-{}", Gender::KEY));
    known.extend(Gender::ALL.iter().map(|v| format!("vocab-{}-{}", Gender::KEY, v.code())));
    for (lang, files) in [("vi", crate::words::VI), ("en", crate::words::EN)] {
        let mut listed: Vec<String> = Vec::new();
        for (file, source) in files {
            for line in source.lines() {
                if let Some(id) = line.strip_prefix("vocab-").and_then(|l| l.split(" =").next()) {
                    let id = format!("vocab-{id}");
                    assert!(known.contains(&id), "{lang}/{file}: {id} names no vocabulary value");
                    listed.push(id);
                }
            }
        }
        for id in &known {
            assert!(listed.contains(id), "{lang}: {id} is missing");
        }
    }
    for id in &known {
        assert!(crate::words::has(id), "{id}");
        for vi in [true, false] {
            let t = crate::words::label(vi, id);
            assert!(!t.is_empty() && t != id, "{id}: {t}");
        }
    }
    assert_eq!(Class::A.label(true), "chấp hành tốt, ổn định");
    assert_eq!(Reason::Moved.label(false), "moved away");
    assert_eq!(SupportKind::what(true), "hình thức giúp đỡ");
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn dates_both_forms() {
    assert_eq!(parse_date_any("2022-05-20").unwrap(), d("2022-05-20"));
    assert_eq!(parse_date_any("20/05/2022").unwrap(), d("2022-05-20"));
    assert_eq!(parse_date_any("1/2/2022").unwrap(), d("2022-02-01"));
    assert!(parse_date_any("31/02/2022").is_err());
    assert!(parse_date_any("2022-02-30").is_err());
    assert!(parse_date_any("2022-5-1").is_err());
    assert!(parse_date_any("20/05/22").is_err());
    assert!(parse_date_any("").is_err());
    assert!(parse_date_any("+2022-01-01").is_err());
}

#[test]
fn future_refused() {
    let today = d("2022-05-20");
    assert!(parse_event_date("2022-05-20", today).is_ok());
    assert!(parse_event_date("2022-05-21", today).is_err());
}

#[test]
fn periods() {
    let today = d("2022-05-20");
    let p = |s| Period::parse(Some(s), today).unwrap();
    assert_eq!(p("2022"), Period { from: d("2022-01-01"), to: d("2022-12-31") });
    assert_eq!(p("2022-Q1"), Period { from: d("2022-01-01"), to: d("2022-03-31") });
    assert_eq!(p("2022q4"), Period { from: d("2022-10-01"), to: d("2022-12-31") });
    assert_eq!(p("2024-02"), Period { from: d("2024-02-01"), to: d("2024-02-29") });
    assert_eq!(p("2022-01-01..2022-05-20"), Period { from: d("2022-01-01"), to: d("2022-05-20") });
    assert_eq!(Period::parse(None, today).unwrap(), Period { from: d("2022-01-01"), to: today });
    // As people write them and as the titles print them (SPEC §18).
    let q1 = Period { from: d("2022-01-01"), to: d("2022-03-31") };
    for s in ["quý I/2022", "Quý i/2022", "quy 1/2022", "I/2022", "Q1/2022", "q1/2022", "2022 Q1", " quý  I / 2022 "]
    {
        assert_eq!(p(s), q1, "{s}");
    }
    assert_eq!(p("quý IV/2021"), Period { from: d("2021-10-01"), to: d("2021-12-31") });
    let may = Period { from: d("2022-05-01"), to: d("2022-05-31") };
    for s in ["tháng 5/2022", "Tháng 05/2022", "thang 5/2022", "5/2022", "05/2022", "May 2022", "may 2022"] {
        assert_eq!(p(s), may, "{s}");
    }
    assert_eq!(p("12/2021"), Period { from: d("2021-12-01"), to: d("2021-12-31") });
    assert_eq!(p("năm 2021"), Period { from: d("2021-01-01"), to: d("2021-12-31") });
    assert_eq!(p("Năm 2021"), p("2021"));
    let range = Period { from: d("2022-01-01"), to: d("2022-05-20") };
    assert_eq!(p("từ ngày 01/01/2022 đến ngày 20/05/2022"), range);
    assert_eq!(p("1 Jan 2022 to 20 May 2022"), range);
    assert_eq!(p("2022-01-01 to 2022-05-20"), range);
    for bad in [
        "2022-Q5",
        "2022-13",
        "22",
        "2022-05-20..2022-01-01",
        "x",
        "2022-Q",
        "2022-ab",
        "ĐĐĐĐĐĐĐ",
        "quý V/2022",
        "Q5/2022",
        "13/2022",
        "0/2022",
        "tháng 5/22",
        "năm 22",
        "5/2022/1",
        "từ ngày 20/05/2022 đến ngày 01/01/2022",
        "từ 01/01/2022",
        "Mai 2022",
        "31 Feb 2022 to 1 Mar 2022",
    ] {
        assert!(Period::parse(Some(bad), today).is_err(), "{bad}");
    }
}

#[test]
fn split_months_and_quarters() {
    let p = Period { from: d("2022-01-15"), to: d("2022-05-20") };
    let m = p.split(false);
    assert_eq!(m.len(), 5);
    assert_eq!(m[0], ("2022-01".into(), Period { from: d("2022-01-15"), to: d("2022-01-31") }));
    assert_eq!(m[4], ("2022-05".into(), Period { from: d("2022-05-01"), to: d("2022-05-20") }));
    let q = p.split(true);
    assert_eq!(q.len(), 2);
    assert_eq!(q[1], ("2022-Q2".into(), Period { from: d("2022-04-01"), to: d("2022-05-20") }));
}

#[test]
fn case_numbers() {
    assert_eq!(CaseNo::parse("2022-0007").unwrap().to_string(), "2022-0007");
    assert_eq!(CaseNo::parse("2022-12345").unwrap().to_string(), "2022-12345");
    assert!(CaseNo::parse("2022-0000").is_err());
    assert!(CaseNo::parse("22-1").is_err());
    assert!(CaseNo::parse("2022-x").is_err());
}

#[test]
fn vocab_accepts_code_and_label() {
    assert_eq!(Reason::parse("tien bo").unwrap(), Reason::Progressed);
    assert_eq!(Reason::parse("Progressed").unwrap(), Reason::Progressed);
    assert_eq!(Class::parse("b").unwrap(), Class::B);
    assert!(Class::parse("E").is_err());
    assert_eq!(Gender::parse("Nữ").unwrap(), Gender::Female);
}

#[test]
fn amounts() {
    assert_eq!(parse_amount("1.500.000").unwrap(), 1_500_000);
    assert!(parse_amount("-5").is_err());
    assert!(parse_amount("abc").is_err());
}
