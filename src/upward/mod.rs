//! The city register (SPEC §19 "The city"): the wards' signed packages in, verified against
//! the key each ward registered, and the city's figures added up from them — apart from the
//! ward register's domain, sharing only `db` (opening, keys, transactions), `audit` (the
//! hash chain), `output` and the package's own verification (`report::package::verify`).
//!
//! - [`store`]: the file of its own kind — create, open, refuse a ward's register.
//! - [`add`]: registering a unit, adding packages (all files of one command or none).
//! - [`reports`]: `city status` and `city report summary|quota|contacts`: the held packages'
//!   own figures, summed; nothing is counted from cases, as the city holds none.
//! - [`duplicates`]: linking tokens found in two or more units.
//! - [`check`]: the audit chain, every row against the audit row that wrote it, every
//!   package against its unit's key.
//! - [`brief`]: the city's brief page, with the ward brief's CSS and charts.
//!
//! Nothing here prints, reads the environment or exits (`cmd::upward` does).

pub mod add;
pub mod brief;
pub mod check;
pub mod duplicates;
pub mod reports;
pub mod store;

/// `PRAGMA application_id` of a city register: "M51C" in ASCII. A ward's register keeps 0.
pub const APPLICATION_ID: i32 = 0x4D35_3143;

/// The city register's own tables (`city.sql`), with a placeholder for the audit log's.
const CITY_SQL: &str = include_str!("city.sql");

/// The line of `city.sql` that the ward's `audit_log` table takes the place of.
const AUDIT_LOG_PLACE: &str = "-- audit_log: schema.sql\n";

/// The city register's schema, whole (there are no migrations yet: version 1): `city.sql`
/// with the ward register's `CREATE TABLE audit_log` (from `schema.sql`) in its place, so the
/// audit log is defined once for both kinds of register.
pub fn schema() -> &'static str {
    static SCHEMA: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| {
        let ward = crate::db::SCHEMA;
        let start = ward.find("CREATE TABLE audit_log (").expect("schema.sql defines audit_log");
        let end = start + ward[start..].find(") STRICT;").expect("audit_log is STRICT") + ") STRICT;".len();
        CITY_SQL.replacen(AUDIT_LOG_PLACE, &format!("{}\n", &ward[start..end]), 1)
    })
}

/// The schema version this build writes for a city register.
pub const SCHEMA_VERSION: i64 = 1;

/// A refusal in both languages from one catalogue message, given as a closure of the language.
pub(crate) fn refused(said: impl Fn(bool) -> String) -> anyhow::Error {
    crate::domain::Refusal::new(said(false), said(true)).into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_city_schema_has_the_wards_audit_log_table() {
        let city = super::schema();
        assert!(!city.contains(super::AUDIT_LOG_PLACE), "the placeholder is replaced");
        assert_eq!(city.matches("CREATE TABLE audit_log (").count(), 1);
        let table = |s: &str| {
            let i = s.find("CREATE TABLE audit_log (").unwrap();
            s[i..i + s[i..].find(") STRICT;").unwrap()].to_string()
        };
        assert_eq!(table(city), table(crate::db::SCHEMA));
        // The text the city registers already made store, word for word.
        assert!(city.contains("    prev_hash  TEXT NOT NULL,\n    hash       TEXT NOT NULL\n) STRICT;\n\nCREATE TRIGGER audit_log_no_update"));
    }
}
