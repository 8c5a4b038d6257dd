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
my-case-queued = Saved with your request. A coordinator will read it soon.
my-case-cannot-send = This cannot be sent. Please send text, a photo, a voice message or your location.

family-case-claimed = 🙋 A coordinator is now working on your request { $code }. They will write to you here.
family-case-waiting = ⏳ The coordinator is waiting for your answer about request { $code }. Please write to them.
family-case-resolved = ✅ Your request { $code } is resolved. If you still need help, just write here.

canned-received = We received your request { $code }. A coordinator is working on it.
canned-send-location = Please send your location: press 📎 and then «Location».
canned-aid-at = Aid is handed out at: { $place }
