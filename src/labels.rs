//! The words of column keys and values in tables and titles (SPEC §18: `label-KEY`, the
//! sent periods' `column-*`, the city's `city-col-*`), from the catalogue, and the register's
//! own word for its sub-units. A text helper of the rendering layer: it reads the catalogue
//! (`crate::words`) and nothing else of the crate.

/// The register's own word for its sub-units (`mh51 settings ward_label "Khu phố"`), set
/// once per run when the database is opened; table headers and titles use it for "ward".
static WARD_LABEL: std::sync::OnceLock<String> = std::sync::OnceLock::new();

pub fn set_ward_label(label: &str) {
    let _ = WARD_LABEL.set(label.to_string());
}

/// The register's own word for its sub-units, when it has set one.
pub fn ward_label() -> Option<&'static str> {
    WARD_LABEL.get().map(String::as_str)
}

/// Labels of column keys and words, from the catalogue (SPEC §18: `label-KEY`, and the sent
/// periods' `column-*`); `None` for a key with no label (shown as it is).
fn catalogued(key: &str, vi: bool) -> Option<String> {
    Some(match key {
        "case_no" => crate::w!(vi, "label-case_no"),
        "person_id" => crate::w!(vi, "label-person_id"),
        "name" => crate::w!(vi, "label-name"),
        "birth_year" => crate::w!(vi, "label-birth_year"),
        "birth_date" => crate::w!(vi, "label-birth_date"),
        "gender" => crate::w!(vi, "label-gender"),
        "id_number" => crate::w!(vi, "label-id_number"),
        "address" => crate::w!(vi, "label-address"),
        "ward" => crate::w!(vi, "label-ward"),
        "category" => crate::w!(vi, "label-category"),
        "enrolled_on" => crate::w!(vi, "label-enrolled_on"),
        "released_on" => crate::w!(vi, "label-released_on"),
        "reason" => crate::w!(vi, "label-reason"),
        "credited_member_id" => crate::w!(vi, "label-credited_member_id"),
        "member_id" => crate::w!(vi, "label-member_id"),
        "member_name" => crate::w!(vi, "label-member_name"),
        "note" => crate::w!(vi, "label-note"),
        "org" => crate::w!(vi, "label-org"),
        "last_contact" => crate::w!(vi, "label-last_contact"),
        "days_since" => crate::w!(vi, "label-days_since"),
        "id" => crate::w!(vi, "label-id"),
        "phone" => crate::w!(vi, "label-phone"),
        "joined_on" => crate::w!(vi, "label-joined_on"),
        "left_on" => crate::w!(vi, "label-left_on"),
        "open_cases" => crate::w!(vi, "label-open_cases"),
        "progressed_this_year" => crate::w!(vi, "label-progressed_this_year"),
        "quota" => crate::w!(vi, "label-quota"),
        "start_on" => crate::w!(vi, "label-start_on"),
        "end_on" => crate::w!(vi, "label-end_on"),
        "reviewed_on" => crate::w!(vi, "label-reviewed_on"),
        "class" => crate::w!(vi, "label-class"),
        "given_on" => crate::w!(vi, "label-given_on"),
        "kind" => crate::w!(vi, "label-kind"),
        "amount" => crate::w!(vi, "label-amount"),
        "code" => crate::w!(vi, "label-code"),
        "seq" => crate::w!(vi, "label-seq"),
        "at" => crate::w!(vi, "label-at"),
        "actor" => crate::w!(vi, "label-actor"),
        "action" => crate::w!(vi, "label-action"),
        "entity" => crate::w!(vi, "label-entity"),
        "entity_key" => crate::w!(vi, "label-entity_key"),
        "detail" => crate::w!(vi, "label-detail"),
        "prev_hash" => crate::w!(vi, "label-prev_hash"),
        "hash" => crate::w!(vi, "label-hash"),
        "status" => crate::w!(vi, "label-status"),
        "date" => crate::w!(vi, "label-date"),
        "event" => crate::w!(vi, "label-event"),
        "field" => crate::w!(vi, "label-field"),
        "value" => crate::w!(vi, "label-value"),
        "group" => crate::w!(vi, "label-group"),
        "opening" => crate::w!(vi, "label-opening"),
        "intake" => crate::w!(vi, "label-intake"),
        "total_managed" => crate::w!(vi, "label-total_managed"),
        "progressed" => crate::w!(vi, "label-progressed"),
        "moved" => crate::w!(vi, "label-moved"),
        "deceased" => crate::w!(vi, "label-deceased"),
        "reoffended" => crate::w!(vi, "label-reoffended"),
        "institution" => crate::w!(vi, "label-institution"),
        "other" => crate::w!(vi, "label-other"),
        "exits" => crate::w!(vi, "label-exits"),
        "closing" => crate::w!(vi, "label-closing"),
        "contacts" => crate::w!(vi, "label-contacts"),
        "supports" => crate::w!(vi, "label-supports"),
        "loan_amount" => crate::w!(vi, "label-loan_amount"),
        "members" => crate::w!(vi, "label-members"),
        "target" => crate::w!(vi, "label-target"),
        "achieved" => crate::w!(vi, "label-achieved"),
        "members_met" => crate::w!(vi, "label-members_met"),
        "shortfall" => crate::w!(vi, "label-shortfall"),
        "pct" => crate::w!(vi, "label-pct"),
        "cases" => crate::w!(vi, "label-cases"),
        "contacted" => crate::w!(vi, "label-contacted"),
        "not_contacted" => crate::w!(vi, "label-not_contacted"),
        "voided_on" => crate::w!(vi, "label-voided_on"),
        "void_reason" => crate::w!(vi, "label-void_reason"),
        "open" => crate::w!(vi, "label-open"),
        "released" => crate::w!(vi, "label-released"),
        "unassigned" => crate::w!(vi, "label-unassigned"),
        "enroll" => crate::w!(vi, "label-enroll"),
        "assign" => crate::w!(vi, "label-assign"),
        "unassign" => crate::w!(vi, "label-unassign"),
        "review" => crate::w!(vi, "label-review"),
        "support" => crate::w!(vi, "label-support"),
        "release" => crate::w!(vi, "label-release"),
        "move" => crate::w!(vi, "label-move"),
        "join" => crate::w!(vi, "label-join"),
        "merge" => crate::w!(vi, "label-merge"),
        "from_on" => crate::w!(vi, "label-from_on"),
        "dissolved_on" => crate::w!(vi, "label-dissolved_on"),
        "successor" => crate::w!(vi, "label-successor"),
        "key" => crate::w!(vi, "label-key"),
        "period" => crate::w!(vi, "column-period"),
        "period_from" => crate::w!(vi, "column-period_from"),
        "period_to" => crate::w!(vi, "column-period_to"),
        "sent_at" => crate::w!(vi, "column-sent_at"),
        "reopened_at" => crate::w!(vi, "column-reopened_at"),
        "reopen_reason" => crate::w!(vi, "column-reopen_reason"),
        "sent" => crate::w!(vi, "period-status-sent"),
        "reopened" => crate::w!(vi, "period-status-reopened"),
        _ => return None,
    })
}

/// Label of a column key or a word, in the user's language.
pub fn label(key: &str, vi: bool) -> String {
    if let Some(l) = city_label(key, vi) {
        return l;
    }
    if key == "ward" {
        if let Some(l) = WARD_LABEL.get() {
            return l.clone();
        }
    }
    catalogued(key, vi).unwrap_or_else(|| key.to_string())
}

/// The city register's own columns and values (SPEC §19), from the catalogue.
fn city_label(key: &str, vi: bool) -> Option<String> {
    Some(match key {
        "unit" => crate::w!(vi, "city-col-unit"),
        "unit_a" => crate::w!(vi, "city-col-unit-a"),
        "unit_b" => crate::w!(vi, "city-col-unit-b"),
        "case_a" => crate::w!(vi, "city-col-case-a"),
        "case_b" => crate::w!(vi, "city-col-case-b"),
        "match" => crate::w!(vi, "city-col-match"),
        "revision" => crate::w!(vi, "city-col-revision"),
        "revisions" => crate::w!(vi, "city-col-revisions"),
        "received_at" => crate::w!(vi, "city-col-received-at"),
        "made_at" => crate::w!(vi, "city-col-made-at"),
        "audit_head" => crate::w!(vi, "city-col-audit-head"),
        "fingerprint" => crate::w!(vi, "city-col-fingerprint"),
        "public_key" => crate::w!(vi, "city-col-public-key"),
        "added_at" => crate::w!(vi, "city-col-added-at"),
        "received" => crate::w!(vi, "city-status-received"),
        "missing" => crate::w!(vi, "city-status-missing"),
        _ => return None,
    })
}
