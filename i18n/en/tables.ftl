### Tables printed for people (-f table). CSV, JSON and xlsx keep the codes TOTAL and unassigned for scripts.

## The total row of every report (as in CSV, since Part I).
table-total = TOTAL
## The group of cases with no member assigned.
table-unassigned = unassigned

### Column headers and the words tables show (output::label): one per column key or word.
## `label-KEY`; a report's `group` column is named by what it groups.
label-case_no = Case
label-person_id = Person
label-name = Name
label-birth_year = Born
label-birth_date = Birth date
label-gender = Gender
label-id_number = ID number
label-address = Address
label-ward = Ward
label-category = Category
label-enrolled_on = Enrolled
label-released_on = Released
label-reason = Reason
label-credited_member_id = Credited
label-member_id = Member
label-member_name = Member name
label-note = Note
label-org = Org
label-last_contact = Last contact
label-days_since = Days since
label-id = Id
label-phone = Phone
label-joined_on = Joined
label-left_on = Left
label-open_cases = Open cases
label-progressed_this_year = Progressed this year
label-quota = Quota
label-start_on = From
label-end_on = To
label-reviewed_on = Date
label-class = Class
label-given_on = Date
label-kind = Kind
label-amount = Amount (đ)
label-code = Code
label-seq = { "#" }
label-at = At
label-actor = Actor
label-action = Action
label-entity = Entity
label-entity_key = Key
label-detail = Detail
label-prev_hash = Previous hash
label-hash = Hash
label-status = Status
label-date = Date
label-event = Event
label-field = Field
label-value = Value
label-group = Group
label-opening = Opening
label-intake = Intake
label-total_managed = Total managed
label-progressed = Progressed
label-moved = Moved
label-deceased = Deceased
label-reoffended = Reoffended
label-institution = Institution
label-other = Other
label-exits = Exits
label-closing = Closing
label-contacts = Contacts
label-supports = Supports
label-loan_amount = Loans (đ)
label-members = Members
label-target = Target
label-achieved = Achieved
label-members_met = Members met
label-shortfall = Shortfall
label-pct = { "%" }
label-cases = Cases
label-contacted = Contacted
label-not_contacted = Not contacted
label-voided_on = Voided on
label-void_reason = Why voided
label-open = open
label-released = released
label-unassigned = unassigned
label-enroll = enrolled
label-assign = assigned
label-unassign = assignment ended
label-review = review
label-support = support
label-release = released
label-move = moved ward
label-join = joined
label-merge = ward merger
label-from_on = From
label-dissolved_on = Dissolved
label-successor = Merged into
label-key = Setting
table-dictionary-name = Name
## The group column's header of a report by month, by quarter.
table-group-month = Month
table-group-quarter = Quarter
table-no-rows = (no rows)
## The table does not fit the screen: $width the screen's columns, $count the columns hidden,
## $hidden their names (separated by commas).
table-hidden-columns = note: the table does not fit { $width } columns; { $count } hidden: { $hidden } (add --wide to see every column)

## The English labels of the organizations and categories a register is seeded with
## (`dict-org-CODE`, `dict-category-CODE`), shown while the register keeps the seeded name.
## The name of a new register's ward number $n (`init --wards N`): the register's data,
## always written in Vietnamese; this English text is never stored.
dict-ward-numbered = Ward { $n }
dict-org-mttq = Fatherland Front
dict-org-ca = Ward police
dict-org-pn = Women's Union
dict-org-tn = Youth Union
dict-org-ccb = Veterans' Association
dict-org-nct = Elderly People's Association
dict-category-prison = Served a prison sentence
dict-category-amnesty = Amnesty, early release
dict-category-suspended = Suspended sentence
dict-category-noncustodial = Non-custodial reform
dict-category-supervised = Probation (quản chế)
dict-category-ward_education = Education in the ward
dict-category-institution_return = Back from a reform school or institution
dict-category-drugs = Drug use, after rehabilitation
dict-category-youth = Young offender
dict-category-record = Criminal record
dict-category-other = Other
