## Erase my data.

erase-question =
    <b>Erase your data?</b>
    Your place, phone number, family details and messages will be deleted. Aid workers will not be able to reach you about your requests. This cannot be undone.
btn-erase-confirm = 🗑 Yes, erase everything
btn-erase-keep = ✖ No, keep it
erase-done = Your data is erased. You can still find shelters and hotlines here at any time.
erase-done-closed = Your open requests are closed: { $codes }.
erase-kept = Nothing was erased.
