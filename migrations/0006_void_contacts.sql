-- mh51 migration 7: contacts and supports can be voided (SPEC §17); the views v_reviews and
-- v_supports. Never edit this file.
--
-- A voided row stays (nothing is deleted) with the day it was voided and why; it counts
-- nowhere from then on. The case index gains `voided_on` before the date, so "the latest
-- contact of a case that is not voided" is still one seek (`voided_on IS NULL` is an equality
-- for an index), and the date index carries it last, so a period's contacts are still counted
-- from the index alone.
ALTER TABLE reviews ADD COLUMN voided_on TEXT;
ALTER TABLE reviews ADD COLUMN void_reason TEXT CHECK (void_reason IS NULL OR length(void_reason) <= 4000);
ALTER TABLE supports ADD COLUMN voided_on TEXT;
ALTER TABLE supports ADD COLUMN void_reason TEXT CHECK (void_reason IS NULL OR length(void_reason) <= 4000);
DROP INDEX reviews_case;
CREATE INDEX reviews_case ON reviews (case_id, voided_on, reviewed_on);
DROP INDEX reviews_date;
CREATE INDEX reviews_date ON reviews (reviewed_on, case_id, voided_on);
DROP INDEX supports_case;
CREATE INDEX supports_case ON supports (case_id, voided_on, given_on);

DROP VIEW v_cases;
CREATE VIEW v_cases AS
SELECT c.case_no,
       c.person_id,
       p.name,
       p.birth_year,
       p.birth_date,
       p.gender,
       p.id_number,
       p.address,
       w.code AS ward,
       k.code AS category,
       c.enrolled_on,
       c.released_on,
       c.reason,
       c.credited_member_id,
       a.member_id,
       c.note,
       m.name AS member_name,
       o.code AS org,
       coalesce((SELECT max(r.reviewed_on) FROM reviews r WHERE r.case_id = c.id AND r.voided_on IS NULL),
                c.enrolled_on) AS last_contact
FROM cases c
JOIN persons p ON p.id = c.person_id
JOIN wards w ON w.id = c.ward_id
JOIN categories k ON k.id = c.category_id
LEFT JOIN assignments a ON a.id = (SELECT a2.id FROM assignments a2 WHERE a2.case_id = c.id
                                   ORDER BY a2.start_on DESC, a2.id DESC LIMIT 1)
LEFT JOIN members m ON m.id = a.member_id
LEFT JOIN orgs o ON o.id = m.org_id;

CREATE VIEW v_reviews AS
SELECT r.id, c.case_no, r.reviewed_on, r.class, r.member_id, r.note
FROM reviews r JOIN cases c ON c.id = r.case_id
WHERE r.voided_on IS NULL;

CREATE VIEW v_supports AS
SELECT s.id, c.case_no, s.given_on, s.kind, s.amount, s.member_id, s.note
FROM supports s JOIN cases c ON c.id = s.case_id
WHERE s.voided_on IS NULL;
