## Possible matches for missing people: the coordinator's list and side-by-side card, and what
## families are asked and told (only after a coordinator verified, only what was agreed).

btn-case-matches = 🔎 Possible matches ({ $count })
alert-matches = { $count ->
    [one] 🔎 A possible match for a missing person, to check: { $codes }
   *[other] 🔎 { $count } possible matches for missing people, to check: { $codes }
}
btn-alert-match = 🔎 { $code }: { $count ->
    [one] { $count } possible match
   *[other] { $count } possible matches
}

reunion-list = <b>Possible matches, case { $code }</b>: { $count }
    ⭐ 80% and above: look at these first.
reunion-list-none = <b>Possible matches, case { $code }</b>
    None yet. Koldo compares every new report, family list and imported list with this person.
btn-match-item = { $mark } { $percent }% · { $name } · { $status }
reunion-status-short-proposed = new
reunion-status-short-unsure = not sure
reunion-status-short-verified = verified
reunion-status-short-rejected = not the same

reunion-card =
    🔎 <b>Possible match</b> · case { $code }
    { $score }

    <b>Reported missing</b>
    { $sought_name }
    { $sought_sex } · { $sought_age }
    To the reporter: { $relation }
    Last seen: { $seen_place }, { $seen_on }
    Reported on { $reported_on }

    <b>Known to Koldo</b>
    { $found_name }
    { $found_sex } · { $found_age }
    Place: { $found_place }
    { $found_from }

    <b>Why</b>
    { $why }

    { $status }
reunion-score = <b>{ $percent }%</b> alike
reunion-score-first = <b>{ $percent }%</b> alike · ⭐ look at this first
reunion-unknown = unknown
reunion-day-unknown = day unknown
reunion-someone = A relative
reunion-sex-m = male
reunion-sex-f = female
reunion-sex-unknown = sex unknown
reunion-age = { $age } years old
reunion-age-unknown = age unknown
reunion-from-household = 🏠 Listed by a family in Koldo as safe with them.
reunion-from-report = 🔎 Another family's missing report (case { $code }).
reunion-from-list = 📋 Imported list: { $source } (row { $row }). Reach them through the list's source.
reunion-list-phone = Phone on the list: { $phone }

reunion-why-surname-agrees = ✅ Surname agrees
reunion-why-surname-close = 🟡 Surname is close
reunion-why-surname-differs = ❌ Surname differs
reunion-why-given-agrees = ✅ Given name agrees
reunion-why-given-close = 🟡 Given name is close
reunion-why-given-differs = ❌ Given name differs
reunion-why-patronymic-agrees = ✅ Father's name agrees
reunion-why-patronymic-differs = ❌ Father's name differs
reunion-why-sex-agrees = ✅ Sex agrees
reunion-why-sex-differs = ❌ Sex differs
reunion-why-age-agrees = ✅ Age agrees
reunion-why-age-close = 🟡 Age is a few years off
reunion-why-age-differs = ❌ Age differs
reunion-why-settlement-agrees = ✅ Village agrees
reunion-why-settlement-differs = ❌ Village differs
reunion-why-phone-agrees = ✅ Same phone number (weak: families share phones)
reunion-why-nothing = Only the names are alike.

reunion-status-proposed = Nobody has decided yet.
reunion-status-unsure = 🤔 Marked "not sure": it stays on the list.
reunion-status-rejected = ❌ Not the same person: { $reason }
reunion-status-household = ✅ Verified. The family they are with: { $answer }
reunion-status-reports = ✅ Verified. The reporter of this case: { $seeker }. The other family: { $other }
reunion-status-list-open = ✅ Verified. Reach them through the list's source, then record what they said.
reunion-status-list-agrees = ✅ Verified. Reached: they agree; the reporter was told they are safe.
reunion-status-list-declines = ✅ Verified. Reached: they do not agree; the reporter was told only that the search goes on.
reunion-status-list-unreachable = ✅ Verified. Could not reach them yet; the reporter was told the search goes on.
reunion-answer-not_asked = could not be asked (not reachable in Koldo).
reunion-answer-asked = asked, no answer yet.
reunion-answer-agreed = agreed, without their phone.
reunion-answer-agreed-phone = agreed, with their phone.
reunion-answer-refused = did not agree: nothing was shared.

btn-match-verify = ✅ Same person
btn-match-reject = ❌ Not the same
btn-match-unsure = 🤔 Not sure
btn-match-list = ◀ All possible matches
btn-match-back = ◀ Back to the match
btn-match-open = 🔎 Open the match
btn-match-outcome-agrees = 📞 Reached: agrees to be told
btn-match-outcome-declines = 📞 Reached: does not agree
btn-match-outcome-unreachable = 📵 Could not reach
reunion-ask-why = Why is it not the same person?
btn-match-why-different-person = Another person
btn-match-why-age = The age does not fit
btn-match-why-place = The place does not fit
btn-match-why-other = Something else

reunion-refused-not-allowed = This missing person's case is not in your districts, or you are not a coordinator.
reunion-refused-decided = This match was already decided.
reunion-verified-family = Verified. The family they are with is asked, in their language, whether the reporter may be told. Nothing reaches the reporter before they agree.
reunion-verified-both = Verified. Both families are asked whether they agree to be put in touch. Nothing is shared before both agree.
reunion-verified-not-reached = Verified, but a family to ask could not be reached in Koldo. Nothing was shared.
reunion-verified-list = Verified. Reach them through the list's source, then record what they said here.
reunion-rejected = Saved: not the same person. This pair will not be proposed again.
reunion-marked-unsure = Saved: not sure. It stays on the list.
reunion-outcome-agrees = Saved. The reporter was told the person is safe.
reunion-outcome-declines = Saved. The reporter was told only that the search goes on.
reunion-outcome-unreachable = Saved. You can record another outcome later.
reunion-staff-answered = 🔎 A family answered about a possible match of case { $code }.

reunion-relation-son = son
reunion-relation-daughter = daughter
reunion-relation-husband = husband
reunion-relation-wife = wife
reunion-relation-father = father
reunion-relation-mother = mother
reunion-relation-brother = brother
reunion-relation-sister = sister
reunion-relation-grandchild = grandchild
reunion-relation-grandparent = grandparent
reunion-relation-relative = relative
reunion-relation-neighbour_friend = neighbour or friend

## Families

reunion-ask-found = 🔎 <b>Someone is searching for { $name }</b>
    { $reporter }, who says { $name } is their { $relation }, is searching for { $name }.
    May we tell them { $name } is safe?
    Nothing about you is shared unless you say yes.
btn-reunion-consent-phone = ✅ Yes, and share my phone
btn-reunion-consent-yes = ✅ Yes, without my phone
btn-reunion-consent-no = ❌ No
reunion-consent-refused = This question is not for you, or it was already answered.
reunion-found-shared-phone = Thank you. We told { $reporter } that { $name } is safe, and gave your phone number { $phone }. Nothing else was shared.
reunion-found-shared = Thank you. We told { $reporter } that { $name } is safe. Your phone number and where you are were not shared.
reunion-found-not-shared = Thank you for answering. Nothing about { $name } or you was shared.

reunion-told-safe = 💚 <b>News about your report (case { $code })</b>
    { $name } is safe.
reunion-told-phone = You can call them: { $phone }
reunion-told-no-phone = They did not share a phone number. The coordinator can pass on messages: write here in your case.
reunion-told-safe-list = 💚 <b>News about your report (case { $code })</b>
    { $name } is safe. The coordinator can tell you more here: write in your case.
reunion-told-search-goes-on = About your report (case { $code }): the search goes on. The coordinator will write to you here if there is news.

reunion-ask-touch = 🔎 <b>About your report (case { $code })</b>
    Another family in Koldo is also searching for { $name }. A coordinator checked: it may be the same person.
    May we put you in touch? They would be told your first name and that { $name } is your { $relation }, and your phone only if you choose.
reunion-touch-waiting = Thank you. Nothing is shared until the other family answers too.
reunion-touch-refused = Thank you for answering. Nothing about you was shared.
reunion-touch-agreed = 💚 <b>About your report (case { $code })</b>
    The other family searching for { $name } agreed to be put in touch: { $other }, who says { $name } is their { $relation }.
reunion-touch-my-phone = They were given your first name, how you are related, and your phone number.
reunion-touch-no-my-phone = They were given your first name and how you are related, not your phone number.
