//! The ward's package for the city (SPEC §19): the linking tokens, the signature and its
//! verification. The figures themselves are the reports' own JSON (`cmd::package` asks
//! `cmd::report` for them); nothing is counted here but the list of cases that
//! `total_managed` counts, by the summary's own condition (`report::summary::managed_cases`).
//!
//! # The signed form
//! The package is one JSON object. Its member `signature` is
//! `{"algorithm": "ed25519", "value": HEX}`: the Ed25519 signature (RFC 8032, 128 hex digits)
//! by the register's key of the **canonical form** of the object without `signature`:
//! - objects with their members sorted by key, keys compared as UTF-8 bytes; arrays in order;
//! - no whitespace between tokens;
//! - strings as `serde_json` writes them: `"` and `\` escaped with a backslash, U+0000–U+001F
//!   as `\b \f \n \r \t` or `\u00XX` (lowercase hex), everything else as UTF-8 as is;
//! - numbers as `serde_json` writes them (integers in decimal; the few decimals, such as a
//!   quota's `pct`, in the shortest form that reads back the same).
//!
//! The signature covers every member, name and value, except `signature` itself; the file's
//! layout (indentation, line ends, member order) is not part of what is signed, so a package
//! re-indented by an editor still verifies, and any change to a key or a value does not.
//! [`verify`] checks it against the public key the city registered for the unit (never
//! against the one the file names).
//!
//! # Linking tokens
//! For every case counted in `total_managed` (the register as a whole), beside its case
//! number: `id`, HMAC-SHA256 under the city's linking key of `"mh51 link id v1\0"` followed by
//! the identity number as stored (its 9 or 12 digits), or null when the register has none;
//! and `name_year` (weak), HMAC-SHA256 under the same key of `"mh51 link name-year v1\0"`,
//! the folded name (`text::fold`: lower case, no diacritics, đ → d, single spaces — the form
//! the duplicate check compares), `"\0"` and the birth year in decimal, or null without a
//! birth year. Both as 64 lowercase hex digits. The linking key is the first line of a file
//! (a UTF-8 BOM and the line end are not part of it): at least 64 hex digits (32 bytes), an
//! even number, at most 256.

use anyhow::{Context, Result};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use hmac::{Hmac, Mac};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::domain::signing::{hex, unhex};
use crate::refuse;

/// What the file says it is (`format`), and this layout's version (`format_version`).
pub const FORMAT: &str = "mh51 ward package";
pub const FORMAT_VERSION: i64 = 1;

/// The city's linking key: its bytes, wiped when dropped.
pub struct LinkKey(zeroize::Zeroizing<Vec<u8>>);

impl std::fmt::Debug for LinkKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkKey(…)")
    }
}

/// Shortest and longest linking key, in bytes.
pub const LINK_KEY_MIN: usize = 32;
pub const LINK_KEY_MAX: usize = 128;

impl LinkKey {
    /// The key of a file's first line (BOM and line end already removed): hex digits.
    /// `None` when it is not 64 to 256 hex digits, an even number.
    pub fn from_hex(line: &str) -> Option<LinkKey> {
        let bytes = zeroize::Zeroizing::new(unhex(line.trim())?);
        (LINK_KEY_MIN..=LINK_KEY_MAX).contains(&bytes.len()).then(|| LinkKey(bytes))
    }

    fn mac(&self, domain: &[u8], parts: &[&[u8]]) -> String {
        // HMAC takes a key of any length: this cannot fail.
        let Ok(mut m) = Hmac::<Sha256>::new_from_slice(&self.0) else { unreachable!("HMAC accepts any key length") };
        m.update(domain);
        for p in parts {
            m.update(p);
        }
        hex(&m.finalize().into_bytes())
    }

    /// The strong token of an identity number (as stored: digits only).
    pub fn id_token(&self, id_number: &str) -> String {
        self.mac(b"mh51 link id v1\0", &[id_number.as_bytes()])
    }

    /// The weak token of a folded name and a birth year.
    pub fn name_year_token(&self, name_fold: &str, birth_year: i64) -> String {
        self.mac(b"mh51 link name-year v1\0", &[name_fold.as_bytes(), b"\0", birth_year.to_string().as_bytes()])
    }

    /// Which key this is, for the city to see that a ward used the current one: the first 8
    /// bytes of SHA-256 of the key, in hex (the key itself cannot be worked back from it).
    pub fn fingerprint(&self) -> String {
        hex(&Sha256::digest(&self.0[..])[..8])
    }
}

/// One case counted in `total_managed`, as the linking tokens need it (in memory only).
pub struct Managed {
    pub case_no: String,
    pub id_number: Option<String>,
    pub name_fold: String,
    pub birth_year: Option<i64>,
}

/// The package's `linking` member: the tokens beside their case numbers, or, without a
/// linking key, none and a note saying so.
pub fn linking(cases: &[Managed], key: Option<&LinkKey>) -> Value {
    let Some(key) = key else {
        return json!({
            "tokens": null,
            "note": "made without --link-key: no linking tokens",
        });
    };
    let tokens: Vec<Value> = cases
        .iter()
        .map(|c| {
            json!({
                "case_no": c.case_no,
                "id": c.id_number.as_deref().map(|n| key.id_token(n)),
                "name_year": c.birth_year.map(|y| key.name_year_token(&c.name_fold, y)),
            })
        })
        .collect();
    json!({
        "method": "HMAC-SHA256",
        "key_fingerprint": key.fingerprint(),
        "strong": "id: the identity number",
        "weak": "name_year: the folded name and birth year (different people can share them)",
        "tokens": tokens,
    })
}

/// The canonical form of a JSON value (see the module docs).
pub fn canonical(v: &Value) -> Vec<u8> {
    fn sorted(v: &Value) -> Value {
        match v {
            Value::Object(m) => {
                let mut keys: Vec<&String> = m.keys().collect();
                keys.sort();
                let mut out = Map::with_capacity(m.len());
                for k in keys {
                    out.insert(k.clone(), sorted(&m[k]));
                }
                Value::Object(out)
            }
            Value::Array(a) => Value::Array(a.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    // Serialising a Value to memory cannot fail (its keys are strings).
    serde_json::to_vec(&sorted(v)).unwrap_or_default()
}

/// Sign `doc` (an object without `signature`) with `key` and return it with its signature.
pub fn sign(mut doc: Map<String, Value>, key: &SigningKey) -> Map<String, Value> {
    doc.remove("signature");
    let sig = key.sign(&canonical(&Value::Object(doc.clone())));
    doc.insert("signature".into(), json!({"algorithm": "ed25519", "value": hex(&sig.to_bytes())}));
    doc
}

/// A package whose signature was verified.
#[derive(Debug, Clone)]
pub struct Package {
    pub unit_code: String,
    pub period_from: String,
    pub period_to: String,
    pub revision: i64,
    pub audit_head: String,
    /// The whole document, `signature` included.
    pub document: Value,
}

fn invalid(why: &str) -> anyhow::Error {
    crate::refusal!("{}", crate::w!(false, "package-invalid", why = why); "{}", crate::w!(true, "package-invalid", why = why)).into()
}

/// Verify a package file's bytes against the unit's public key: refused unless it is one
/// JSON object of this format whose signature by `key` covers every other member.
pub fn verify(bytes: &[u8], key: &VerifyingKey) -> Result<Package> {
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| invalid(&format!("not JSON ({e})")))?;
    let Value::Object(mut m) = doc.clone() else { return Err(invalid("not a JSON object")) };
    let sig = m.remove("signature").ok_or_else(|| invalid("no signature"))?;
    if sig.get("algorithm").and_then(Value::as_str) != Some("ed25519") {
        return Err(invalid("the signature is not ed25519"));
    }
    let sig = sig
        .get("value")
        .and_then(Value::as_str)
        .and_then(unhex)
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .ok_or_else(|| invalid("the signature is not 128 hex digits"))?;
    let sig = Signature::from_bytes(&sig);
    key.verify_strict(&canonical(&Value::Object(m.clone())), &sig)
        .map_err(|_| invalid("the signature does not match (the file was changed, or another key signed it)"))?;
    if m.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(invalid("not an mh51 ward package"));
    }
    if m.get("format_version").and_then(Value::as_i64) != Some(FORMAT_VERSION) {
        return Err(invalid("a package format this mh51 does not read"));
    }
    let text = |k: &str| -> Result<String> {
        m.get(k).and_then(Value::as_str).map(str::to_string).with_context(|| format!("the package has no {k}"))
    };
    let period = m.get("period").cloned().unwrap_or(Value::Null);
    let p = |k: &str| period.get(k).and_then(Value::as_str).map(str::to_string);
    let (Some(period_from), Some(period_to)) = (p("from"), p("to")) else { return Err(invalid("no period")) };
    let Some(revision) = m.get("revision").and_then(Value::as_i64) else { return Err(invalid("no revision")) };
    Ok(Package {
        unit_code: text("unit_code")?,
        period_from,
        period_to,
        revision,
        audit_head: text("audit_head")?,
        document: doc,
    })
}

/// Read the linking key from `text`, a file's bytes: its first line, hex. Refused naming `shown`.
pub fn read_link_key(text: &[u8], shown: &str) -> Result<LinkKey> {
    let line = String::from_utf8_lossy(crate::text::first_line(text));
    match LinkKey::from_hex(&line) {
        Some(k) => Ok(k),
        None => {
            let said = |vi: bool| {
                crate::w!(
                    vi,
                    "link-key-invalid",
                    path = shown,
                    min = 2 * LINK_KEY_MIN,
                    max = 2 * LINK_KEY_MAX,
                    chars = line.trim().chars().count().to_string()
                )
            };
            refuse!("{}", said(false); "{}", said(true))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Map<String, Value> {
        let cases = vec![
            Managed {
                case_no: "2022-0001".into(),
                id_number: Some("079123456789".into()),
                name_fold: "nguyen van an".into(),
                birth_year: Some(1990),
            },
            Managed {
                case_no: "2022-0002".into(),
                id_number: None,
                name_fold: "tran thi binh".into(),
                birth_year: None,
            },
        ];
        let key = LinkKey::from_hex(&"ab".repeat(32)).unwrap();
        let v = json!({
            "format": FORMAT, "format_version": FORMAT_VERSION, "unit_code": "P5",
            "period": {"from": "2022-01-01", "to": "2022-03-31"}, "revision": 1, "audit_head": "3:abc",
            "figures": {"summary_by_ward": {"rows": [{"group": "1", "total_managed": 2}], "total": {"group": "TOTAL", "total_managed": 2}},
                        "quota_by_org": {"rows": [{"group": "PN", "pct": 50.0}]}},
            "linking": linking(&cases, Some(&key)),
        });
        let Value::Object(m) = v else { unreachable!() };
        m
    }

    fn signed(key: &SigningKey) -> Vec<u8> {
        serde_json::to_vec_pretty(&Value::Object(sign(doc(), key))).unwrap()
    }

    fn edit(bytes: &[u8], f: impl FnOnce(&mut Value)) -> Vec<u8> {
        let mut v: Value = serde_json::from_slice(bytes).unwrap();
        f(&mut v);
        serde_json::to_vec_pretty(&v).unwrap()
    }

    #[test]
    fn a_signed_package_verifies_even_reindented() {
        let key = crate::domain::signing::generate().unwrap();
        let bytes = signed(&key);
        let p = verify(&bytes, &key.verifying_key()).unwrap();
        assert_eq!((p.unit_code.as_str(), p.revision, p.period_to.as_str()), ("P5", 1, "2022-03-31"));
        // Layout is not content: compact, the same package.
        let compact = serde_json::to_vec(&serde_json::from_slice::<Value>(&bytes).unwrap()).unwrap();
        assert!(verify(&compact, &key.verifying_key()).is_ok());
    }

    #[test]
    fn any_change_to_a_figure_a_token_or_the_key_fails() {
        let key = crate::domain::signing::generate().unwrap();
        let public = key.verifying_key();
        let bytes = signed(&key);
        type Change = Box<dyn Fn(&mut Value)>;
        let changes: Vec<Change> = vec![
            Box::new(|v| v["figures"]["summary_by_ward"]["rows"][0]["total_managed"] = json!(3)),
            Box::new(|v| v["figures"]["summary_by_ward"]["total"]["total_managed"] = json!(2.0)),
            Box::new(|v| v["figures"]["quota_by_org"]["rows"][0]["pct"] = json!(50.1)),
            Box::new(|v| {
                let t = v["linking"]["tokens"][0]["id"].as_str().unwrap().to_string();
                let flipped = if t.starts_with('0') { "1" } else { "0" };
                v["linking"]["tokens"][0]["id"] = json!(format!("{flipped}{}", &t[1..]));
            }),
            Box::new(|v| v["linking"]["tokens"][1]["name_year"] = json!("00")),
            Box::new(|v| v["linking"]["tokens"].as_array_mut().unwrap().pop().map(|_| ()).unwrap()),
            Box::new(|v| v["revision"] = json!(2)),
            Box::new(|v| v["period"]["to"] = json!("2022-06-30")),
            Box::new(|v| v["extra"] = json!(null)),
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("audit_head");
            }),
            Box::new(|v| v["signature"]["value"] = json!("00".repeat(64))),
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("signature");
            }),
        ];
        for (i, change) in changes.iter().enumerate() {
            let bad = edit(&bytes, change);
            assert!(verify(&bad, &public).is_err(), "change {i} was not caught");
        }
        let other = crate::domain::signing::generate().unwrap().verifying_key();
        assert!(verify(&bytes, &other).is_err(), "another key");
        assert!(verify(b"not json", &public).is_err());
    }

    #[test]
    fn canonical_form_sorts_keys_and_has_no_whitespace() {
        let v = json!({"b": 1, "a": {"d": [1, 2], "c": "x\ny"}, "é": true, "Z": null});
        assert_eq!(
            String::from_utf8(canonical(&v)).unwrap(),
            r#"{"Z":null,"a":{"c":"x\ny","d":[1,2]},"b":1,"é":true}"#
        );
    }

    #[test]
    fn tokens_are_keyed_and_weak_ones_are_separate() {
        let k1 = LinkKey::from_hex(&"01".repeat(32)).unwrap();
        let k2 = LinkKey::from_hex(&"02".repeat(32)).unwrap();
        assert_eq!(k1.id_token("079123456789"), k1.id_token("079123456789"));
        assert_ne!(k1.id_token("079123456789"), k2.id_token("079123456789"));
        assert_ne!(k1.id_token("079123456789"), k1.id_token("079123456788"));
        assert_eq!(k1.id_token("1").len(), 64);
        assert_ne!(k1.name_year_token("an", 1990), k1.name_year_token("an", 1991));
        assert_ne!(k1.name_year_token("an1", 990), k1.name_year_token("an", 1990));
        assert!(LinkKey::from_hex(&"0".repeat(62)).is_none(), "short");
        assert!(LinkKey::from_hex(&"0".repeat(65)).is_none(), "odd");
        assert!(LinkKey::from_hex(&"g".repeat(64)).is_none(), "not hex");
        assert!(read_link_key(format!("\u{feff}{}\r\n", "ab".repeat(32)).as_bytes(), "k").is_ok());
    }
}
