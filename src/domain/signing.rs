//! The register's signing key (SPEC §19): an Ed25519 key pair that signs the ward's package.
//!
//! # Where it lives
//! One row of the table `signing_key` (id 1): the public key as 64 lowercase hex digits, the
//! secret as its 32-byte seed (RFC 8032), and when it was made. The row is inside the
//! register, so it is encrypted when the register is, copied by `backup`, `encrypt`, `rekey`
//! and `decrypt` (the same register, the same key) and never by `extract`, whose new file gets
//! a key of its own ([`make`]). Triggers keep the row from being changed or deleted.
//!
//! # Where it never appears
//! The ledger hashes the row like every data row (`row_versions` holds SHA-256 of it, never
//! the seed); the audit rows that record a key name only its public key. No command prints
//! the seed: `key show` reads the public key alone, `query` reads the column `secret` as
//! NULL (SQLite's authorizer, `report::export::AdHoc`), exports and `settings` do not read
//! this table. Only [`secret`] reads the seed, for signing, and checks that it is the
//! stored public key's.
//!
//! # How it is shown
//! The public key: 64 lowercase hex digits on one line (`key show`, the package's
//! `public_key`). Its fingerprint, for reading aloud over the telephone: the first 8 bytes of
//! SHA-256 of the 32 public key bytes, as four groups of four hex digits (`3f2a-91bc-07de-5511`).

use anyhow::{Context, Result};
use ed25519_dalek::{SigningKey, VerifyingKey};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::refuse;

/// A new key pair: 32 bytes from the operating system's random source (`getrandom`) as the
/// Ed25519 seed. The seed is wiped when the key is dropped (`ed25519-dalek`'s `zeroize`).
pub fn generate() -> Result<SigningKey> {
    let mut seed = zeroize::Zeroizing::new([0u8; 32]);
    getrandom::fill(&mut seed[..]).map_err(|e| anyhow::anyhow!("drawing a random signing key: {e}"))?;
    Ok(SigningKey::from_bytes(&seed))
}

/// Make the register's key pair and store it (inside a write transaction: the ledger hashes
/// the row under that transaction's audit row). `at` is when (ISO date and time). Returns the
/// public key, for the audit row to name.
pub fn make(conn: &Connection, at: &str) -> Result<VerifyingKey> {
    let key = generate()?;
    let public = key.verifying_key();
    let seed = zeroize::Zeroizing::new(key.to_bytes());
    conn.prepare_cached("INSERT INTO signing_key (id, public_key, secret, made_at) VALUES (1, ?1, ?2, ?3)")?
        .execute(params![hex(public.as_bytes()), &seed[..], at])
        .context("storing the signing key")?;
    Ok(public)
}

/// Whether the register has its key (a register migrated by this mh51 always has).
pub fn present(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM signing_key WHERE id = 1", [], |_| Ok(()))
        .optional()
        .context("reading the signing key")?
        .is_some())
}

fn missing() -> anyhow::Error {
    crate::refusal!("{}", crate::w!(false, "signing-key-missing"); "{}", crate::w!(true, "signing-key-missing")).into()
}

/// The register's public key.
pub fn public(conn: &Connection) -> Result<VerifyingKey> {
    let text: Option<String> = conn
        .query_row("SELECT public_key FROM signing_key WHERE id = 1", [], |r| r.get(0))
        .optional()
        .context("reading the signing key")?;
    let Some(text) = text else { return Err(missing()) };
    parse_public(&text)
}

/// The register's secret key, for signing: refused unless it is the stored public key's.
pub fn secret(conn: &Connection) -> Result<SigningKey> {
    let row: Option<(String, Vec<u8>)> = conn
        .query_row("SELECT public_key, secret FROM signing_key WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .context("reading the signing key")?;
    let Some((text, seed)) = row else { return Err(missing()) };
    let seed = zeroize::Zeroizing::new(seed);
    let Ok(bytes) = <[u8; 32]>::try_from(&seed[..]) else { return Err(missing()) };
    let bytes = zeroize::Zeroizing::new(bytes);
    let key = SigningKey::from_bytes(&bytes);
    if key.verifying_key() != parse_public(&text)? {
        refuse!("{}", crate::w!(false, "signing-key-mismatch"); "{}", crate::w!(true, "signing-key-mismatch"));
    }
    Ok(key)
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Bytes of a hex string (either case); `None` unless it is an even number of hex digits.
pub fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok()).collect()
}

/// A public key as `key show` prints it: 64 hex digits.
pub fn parse_public(s: &str) -> Result<VerifyingKey> {
    let bytes = unhex(s.trim()).and_then(|b| <[u8; 32]>::try_from(b).ok());
    match bytes.map(|b| VerifyingKey::from_bytes(&b)) {
        Some(Ok(k)) => Ok(k),
        _ => refuse!("{}", crate::w!(false, "signing-key-invalid-public", key = s.trim());
                     "{}", crate::w!(true, "signing-key-invalid-public", key = s.trim())),
    }
}

/// The short fingerprint of a public key: `3f2a-91bc-07de-5511`.
pub fn fingerprint(key: &VerifyingKey) -> String {
    let h = Sha256::digest(key.as_bytes());
    h[..8].chunks(2).map(hex).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_new_each_time_and_round_trip_as_hex() {
        let a = generate().unwrap().verifying_key();
        let b = generate().unwrap().verifying_key();
        assert_ne!(a, b);
        let text = hex(a.as_bytes());
        assert_eq!(text.len(), 64);
        assert_eq!(parse_public(&text).unwrap(), a);
        assert_eq!(parse_public(&text.to_uppercase()).unwrap(), a);
        assert!(parse_public(&text[..62]).is_err());
        assert!(parse_public("zz").is_err());
        let fp = fingerprint(&a);
        assert_eq!(fp.len(), 19);
        assert_eq!(fp.matches('-').count(), 3);
    }
}
