### The register's rules (domain): words, refusals and messages of enrolment, assignment, contacts and support.

## src/domain/types.rs: the closed vocabularies (vocab-KEY is the vocabulary's name, vocab-KEY-CODE a value's label).
vocab-class = review class
vocab-class-A = complying, settled
vocab-class-B = complying, struggling
vocab-class-C = not complying, at risk
vocab-class-D = in custody or an institution
vocab-reason = release reason
vocab-reason-progressed = made progress
vocab-reason-moved = moved away
vocab-reason-deceased = deceased
vocab-reason-reoffended = reoffended, arrested
vocab-reason-institution = sent to an institution
vocab-reason-other = other
vocab-kind = support kind
vocab-kind-job = job placement
vocab-kind-loan = loan
vocab-kind-training = vocational training
vocab-kind-gift = gift
vocab-kind-other = other
vocab-gender = gender
vocab-gender-male = male
vocab-gender-female = female

## A value not in the vocabulary: $what the vocabulary's name, $typed what was typed, $list the accepted values.
domain-vocab-invalid = invalid { $what } '{ $typed }': expected one of: { $list }

## A text holding a character the register does not store: $what what the text is, $shown the text typed (that character made visible), $kind the kind of character (control, bidi, format), $code its U+… code, $at its position (character number).
domain-unwanted-character = { $what } '{ $shown }' holds { $kind ->
        [control] a control character
        [bidi] a bidirectional-text control, which changes the order in which text is shown
       *[format] an invisible formatting character
    } ({ $code }) at character { $at }; type it again without it

## src/domain/amount.rs
## An amount refused: $typed what was typed, $why why (not-a-number, negative, decimal, groups, mixed, unit, before-unit, too-large), $unit the unknown unit (when $why is unit).
domain-amount-invalid = invalid amount '{ $typed }': { $why ->
        [not-a-number] not a number
        [negative] an amount cannot be negative
        [decimal] đồng have no fractions, so a decimal is not accepted (for one and a half million write 1,5tr or 1500000)
        [groups] digits must be grouped in threes after a first group of 1 to 3 digits (5.000.000)
        [mixed] use one kind of separator (. or , or a space) between groups of three, and no decimals
        [unit] unknown unit '{ $unit }'; after the number write tr or triệu (a million), k, nghìn or ngàn (a thousand), or đ/đồng
        [before-unit] before tr or k write a plain number with at most two decimals (1,5tr, 250k), or write the amount in full
       *[too-large] at most 1.000.000.000.000 đồng
    }; give whole đồng, e.g. 5000000, 5.000.000, 5,000,000, 5 000 000, 5tr, 5 triệu, 1,5tr or 500k

## src/domain/month.rs
## The name of an entry of the month (put into the refusals below and the rules').
domain-entry-review = review
domain-entry-support = support
## A support repeated: $case the case, $date the day, $kind the kind's code, $amount the amount (when $given is yes), $id the existing support's id.
domain-support-double = case { $case } already has this support on { $date } ({ $kind }, amount { $given ->
        [yes] { $amount }
       *[no] none
    }; support { $id }); if it was given twice, add --again
## An unknown id: $what review or support, $typed the id typed.
domain-entry-unknown = unknown { $what } '{ $typed }': give the { $what } id printed when it was recorded (see `mh51 show CASE`)
## A voided entry: $what review or support, $id its id, $case the case, $voided the day it was voided, $doing what was asked (void: voided again, amend: amended).
domain-entry-voided = { $what } { $id } of case { $case } was voided on { $voided } and cannot be { $doing ->
        [void] voided again
       *[amend] amended
    }; record it anew if needed
## An amend with nothing to change: $what review or support, $id its id, $flags the options it takes.
domain-entry-nothing-to-change = nothing to change for { $what } { $id }: give { $flags }
## An amend that would make a double: $what review or support, $id the amended id, $other the id it would double, $case the case, $date the day.
domain-entry-would-double = { $what } { $id } would then double { $what } { $other } of case { $case } on { $date }; void one of them instead

## src/domain/lookup.rs, src/domain/register.rs
## The dictionaries a clerk can extend (put into refusals).
domain-dict-ward = ward
domain-dict-org = organization
domain-dict-category = category
## An entry's code and name: $what ward, organization or category.
domain-dict-code-of = { $what } code
domain-dict-name-of = { $what } name
## Not found: $what the dictionary, $typed what was typed, $codes the accepted codes.
domain-dict-unknown = unknown { $what } '{ $typed }': expected a code or name, one of { $codes }
## One member of a list of namesakes: $id the member id, $org the organization, $ward the ward.
domain-member-named = { $id } ({ $org }, ward { $ward })
## A name of several members: $typed the name typed, $count how many members, $list the members.
domain-member-name-ambiguous = '{ $typed }' is the name of { $count } current members: { $list }; give the member id

## src/domain/ledger.rs: what the ledger check finds. $tbl the table, $key the row's key, $seq the audit row, $sealed the last sealed audit row, $missing yes when no audit row has that number (no: the hash does not match).
domain-ledger-differs = { $tbl } row { $key }: the row is not what the audit log recorded (its content differs from audit row { $seq })
domain-ledger-added = { $tbl } row { $key }: the row was added behind mh51's back (no audit row wrote it)
domain-ledger-deleted = { $tbl } row { $key }: the row was deleted behind mh51's back (last written by audit row { $seq })
domain-ledger-versions = audit row { $seq }: the row versions recorded for it were changed (row_versions does not match its ledger row)
domain-ledger-unsealed = audit row { $seq }: row versions were added for it behind mh51's back (no ledger row seals them)
domain-ledger-chain = audit row { $seq }: the ledger chain is broken ({ $missing ->
        [yes] no audit row has this number
       *[no] its hash does not match the previous ledger row, its audit row and its versions
    })
domain-ledger-tail = audit row { $seq }: the newest audit rows (after { $sealed }) are not sealed by the ledger (appended behind mh51's back)

## Words the rules put into their refusals (what is being done, which text is refused).
domain-word-address = address
domain-word-assignment = assignment
domain-word-be-assigned = be assigned
domain-word-be-assigned-case = be assigned
domain-word-be-credited = be credited
domain-word-case = case
domain-word-give-support = give support
domain-word-member = member
domain-word-member-name = member name
domain-word-move = move
domain-word-name = name
domain-word-note = note
domain-word-reason = reason
domain-word-phone = phone
domain-word-release = release
domain-word-ward-name = ward name

## src/domain/cases.rs
## A likely double of a person: $name the name, $born the birth year (when $known is yes), $case the open case.
domain-person-duplicate = '{ $name }' born { $known ->
        [yes] { $born }
       *[no] (unknown)
    } looks like the person of open case { $case }; if this is another person, pass --allow-duplicate
