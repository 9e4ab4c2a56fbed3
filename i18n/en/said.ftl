# What a write says it recorded, on a terminal (SPEC §17; cmd/said.rs): the words around
# the values, which the code puts together.

said-today = (today)
said-yesterday = (yesterday)
said-ward = ward
said-no-member = no member
said-member = member
said-class = class
said-on = on
said-enrolled-case = enrolled case
said-assigned-case = assigned case
said-to = to
said-from = from
said-released-case = released case
said-reason = reason:
said-credited-to = credited to
said-reopened-case = reopened case
said-moved-case = moved case
said-now-in = now in
said-corrected-case = corrected case
said-added-member = added member
said-joined = joined
said-leaves-last-day = leaves; last day
said-moved-member = moved member
said-corrected-member = corrected member
said-contact = contact
said-support = support
said-voided = voided
said-corrected = corrected
said-recorded = recorded
