## The retention period: what `koldo retention run` says, and what a card of an erased case says.

retention-run-title = Erased by the retention period:
retention-run-dry-title = Would be erased by the retention period (a dry run: nothing changed):
retention-run-cases = • cases resolved { $days } or more days ago (requests for help, questions about rumours): { $count }
retention-run-missing = • missing-person reports resolved { $days } or more days ago: { $count }
retention-run-imported = • people of imported lists not updated for { $days } days: { $count }
retention-run-listings = • “We are safe” lists made { $days } or more days ago: { $count }
retention-run-phones = • phone numbers no longer needed: { $count }
retention-run-codes = Cases: { $codes }
retention-run-nothing = Nothing is due for erasure.
case-erased-by-retention = 🗑 Its personal data was erased by the retention period, { $days ->
    [one] { $days } day
   *[other] { $days } days
} after it was resolved. Only anonymous counts remain.

## A form left unfinished for longer than its drafts are kept.

form-expired = Nothing was added here for more than { $days ->
    [one] { $days } day
   *[other] { $days } days
}, so what you entered is deleted. Let us start again.
