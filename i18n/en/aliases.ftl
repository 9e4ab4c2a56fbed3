### Other words mh51 accepts for each value (SPEC §18), besides its code, its labels in both
### languages and its table header; case and diacritics ignored; alternatives separated by |.
### Ids: alias-<vocabulary>-<code>.

alias-reason-progressed = progress | made progress
alias-reason-moved = moved | moved away | relocated
alias-reason-deceased = died | dead | passed away
alias-reason-reoffended = arrested | re-offended
alias-reason-institution = institution | sent to an institution | detention
alias-reason-other = other reason
alias-kind-job = job | employment | job placement
alias-kind-loan = credit | loan
alias-kind-training = training | vocational training
alias-kind-gift = present | gift
alias-kind-other = other support
alias-gender-male = man | m
alias-gender-female = woman | f
alias-org-MTTQ = Fatherland Front
alias-org-CA = Police | ward police
alias-org-PN = Women's Union
alias-org-TN = Youth Union
alias-org-CCB = Veterans | Veterans' Association
alias-org-NCT = Elderly | Elderly Association
alias-category-prison = served a prison sentence
alias-category-drugs = drug use | drugs
