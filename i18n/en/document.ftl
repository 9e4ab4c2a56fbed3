### The official report (report document, SPEC §20) in the layout of Decree 30/2020/NĐ-CP.
### The document is always written in Vietnamese; the English here is for reference.

doc-nation = SOCIALIST REPUBLIC OF VIETNAM
doc-motto = Independence - Freedom - Happiness
## $number: the document's number as typed (--number).
doc-number = No. { $number }
doc-number-blank = No.        /BC
## The date as the Decree writes it ($day, $month already written with their zeros).
doc-date = { $day }/{ $month }/{ $year }
doc-place-blank = ……………
doc-kind = REPORT
## $period: the period in words.
doc-subject = Results of the “5+1” model, { $period }
doc-part-results = I. RESULTS
doc-general = 1. Overview
doc-key-figures = 2. Key figures
doc-col-item = Item
## $period: the previous period in words.
doc-col-previous = Previous period ({ $period })
doc-col-change = Up (+), down (−)
doc-no-change = no change
doc-opening = Opening
doc-intake = Taken under management
doc-total-managed = Total under management
doc-progressed = Made progress, taken off the list
doc-exits = Left the list (every reason)
doc-closing = Closing
doc-contacts = Contacts and reviews
doc-supports = Supports
doc-loan = Loans (đồng)
doc-overdue = Overdue for contact or unassigned (last day)
## The word for a ward when the register has not set ward_label (column header and part 3).
doc-ward = Ward
## $ward: the register's word for a ward (setting ward_label), in lower case.
doc-by-ward = 3. By { $ward }
doc-total = Total
doc-col-intake = Taken in
doc-col-total-managed = Total managed
doc-col-progressed = Progressed
doc-col-exits = Left the list
doc-col-contacts = Contacts
doc-col-supports = Supports
## $quota: people each member must help; $from, $to: the first and last day.
doc-by-org = 4. Quota by organization ({ $quota } people per member), { $from } to { $to }
doc-col-org = Organization
doc-col-members = Members
doc-col-target = Target
doc-col-achieved = Achieved
doc-col-members-met = Members who met it
doc-col-shortfall = Short of it
doc-col-pct = Rate %
doc-part-tasks = II. TASKS AHEAD
## $period: the period in words.
doc-closing-line = This is the report on the results of the “5+1” model, { $period }.
doc-recipients = Recipients:
doc-archive = - Filed: VT.
