## A family's own cases, and what Koldo tells them about each.

my-cases = <b>My requests</b>. Choose one to see it or to write to the coordinator.
my-cases-none = You have no requests yet. Use «Ask for help» in the main menu.
btn-my-case = 📋 { $code } · { $status }
my-case =
    <b>Request { $code }</b> from { $date }
    Status: { $status }
    Needs: { $needs }
btn-my-case-write = ✍️ Write to the coordinator
btn-my-cases = 📋 My requests
btn-my-case-answer = ↩️ Answer
btn-my-case-done = ✅ Done
my-case-write = Write your message about request { $code }. You can also send a photo, a voice message or your location.
my-case-sent = Sent to your coordinator. You can send more, or press Done.
my-case-queued = Saved with your request. A coordinator will answer when they see it.
my-case-cannot-send = This cannot be sent. Please send text, a photo, a voice message or your location.

family-case-claimed = 🙋 A coordinator is now working on your request { $code }. They will write to you here.
family-case-waiting = ⏳ About request { $code } we are waiting for your answer. Please answer here.
family-case-resolved-helped = ✅ Your request { $code } is closed: the coordinator marked it as helped. If you still need help, press «Ask for help» in the main menu.
family-case-resolved-referred = ➡️ Your request { $code } was passed to another organisation that gives this kind of help, and is closed here. If you still need help, press «Ask for help» in the main menu.
family-case-resolved-unreachable = 📵 Your request { $code } is closed: the coordinator could not reach you. If you still need help, press «Ask for help» in the main menu.
family-case-resolved-duplicate = ♊ Your request { $code } is closed: the same request is already registered, and the coordinators go on with that one.
family-case-back-in-queue = ↩️ Your request { $code } is back in the coordinators' queue: nobody is working on it right now. Another coordinator can take it, and you will be told here when one does.
family-case-handed-over = 🤝 Your request { $code } was passed to another coordinator, who works on it now. To write to them, press «Write to the coordinator».
my-case-reopened = 🔓 Your request { $code } was closed. With your message it is open again.

canned-received = We received your request { $code }. A coordinator is working on it.
canned-send-location = Please send your location: press 📎 and then «Location».
canned-aid-at = Aid is handed out at: { $place }

## What a family reads as the status of its own request: its own words, never the staff's.
family-status-new = received
family-status-in_progress = a coordinator is on it
family-status-waiting_family = we are waiting for your answer
family-status-resolved = closed
family-status-resolved-helped = closed: helped
family-status-resolved-referred = passed to another organisation
family-status-resolved-unreachable = closed: we could not reach you
family-status-resolved-duplicate = closed: the same as another request
family-status-resolved-found_by_family = closed: found
