## Shelters: where to sleep tonight. Staff keep free places and status true.

shelters-location =
    🏠 <b>Find a shelter</b>
    Press “📍 Send my location” below, and I will show the nearest shelters with free places. Or choose your district from the list.
shelters-district = 🗺 <b>Choose your district or town:</b>
shelters-location-far =
    This place looks far from Batken region. Maybe the phone could not find where you are.
    Please choose your district or town:
shelters-nearest =
    🏠 <b>Shelters nearest to you</b>
    Distances are in a straight line; by road it can be longer.
shelters-in-district = 🏠 <b>Shelters in { $area }</b>
shelters-district-more = Here are { $shown } of { $total }. Send your location to see the nearest ones.
shelters-pin-hint = Tap a name below to see it on the map.
shelters-none-near =
    I do not know of any open shelter yet.
    If you are in danger, call 112. The hotlines can also help.
shelters-none-in-district =
    No open shelter is listed in { $area } yet. Try a district nearby, or call a hotline.
    If you are in danger, call 112.
shelter-closed-now = This shelter is closed now. Please choose another one.
shelter-venue-sample = SAMPLE: { $name }
btn-shelter-pin = 📍 { $number }. { $name }
btn-other-district = 🗺 Choose another district

shelter-title = <b>{ $number }. { $name }</b>
shelter-title-distance = <b>{ $number }. { $name }</b> — { $distance }
distance-m = { $value } m
distance-km = { NUMBER($value, maximumFractionDigits: 1) } km
shelter-places = 🛏 { $free } of { $capacity } { $capacity ->
    [one] place
   *[other] places
} free
shelter-full = ⛔ Full: no free places now
shelter-phone = 📞 { $phone }
shelter-where = 📍 { $place }
service-food = 🍲 Food
service-medical = 🩺 Medical point
service-children = 🧸 Space for children
service-accessible = ♿ Accessible for disabled people
service-women = 👩 Space for women only
shelter-updated-now = 🕓 Updated just now
shelter-updated-minutes = 🕓 Updated { $count } { $count ->
    [one] minute
   *[other] minutes
} ago
shelter-updated-hours = 🕓 Updated { $count } { $count ->
    [one] hour
   *[other] hours
} ago
shelter-updated-days = ⚠️ Updated { $count } { $count ->
    [one] day
   *[other] days
} ago. It may have changed: please call before you go.
sample-marker = ⚠️ SAMPLE: not real. To be replaced before Koldo is used.

## Staff: free places and status, in two taps and a number.

staff-choose-district = ✏️ <b>Update shelters</b>. Choose the district:
staff-shelters = ✏️ <b>{ $area }</b>. Tap a shelter to update it:
staff-no-shelters = No shelters are listed in { $area } yet. They are added by importing a file.
staff-no-districts = You have no districts yet. Please ask an admin to give you your districts.
btn-staff-shelter = { $status ->
    [open] ✅
    [full] ⛔
   *[closed] 🚫
} { $name } · { $free }/{ $capacity }
btn-staff-more = More ➡️
btn-staff-update = ✏️ Update free places here
btn-staff-back-list = ⬅️ Back to the list
btn-staff-status-open = ✅ Open, has free places
btn-staff-status-full = ⛔ Full
btn-staff-status-closed = 🚫 Closed
btn-staff-cancel = ✖ Cancel
staff-card =
    ✏️ <b>{ $name }</b>
    Now: { $status }, { $free } of { $capacity } free.
    { $updated }

    What is it like now? Tap one:
shelter-status-open = open
shelter-status-full = full
shelter-status-closed = closed
staff-ask-free = How many places are free now in <b>{ $name }</b>? Send a number from 0 to { $capacity }.
staff-free-invalid = Please send only a number from 0 to { $capacity }. For example: 12.
staff-saved = ✅ Saved: <b>{ $name }</b> is { $status }, { $free } of { $capacity } free. Families see it as updated just now.
staff-cancelled = Nothing was changed.
shelter-refused-not-staff = This is only for coordinators and admins.
shelter-refused-not-your-district = This shelter is not in your districts.
shelter-refused-unknown = This shelter is no longer in the list.

## Importing shelter and hotline files (koldo shelters import, koldo hotlines import).

import-problem-line = line { $line }, { $column }: { $reason }
import-problem-file = line { $line }: { $reason }
import-problem-not-utf8 = the file is not UTF-8 text. Save it again as “CSV UTF-8”.
import-problem-not-csv = this is not a readable CSV table; check the quotation marks
import-problem-empty-file = the file is empty
import-problem-missing-column = this column is missing
import-problem-repeated-column = this column is there twice
import-problem-missing-value = empty, but it is needed
import-problem-missing-coordinates = missing coordinates
import-problem-not-a-number = “{ $value }” is not a whole number
import-problem-not-a-coordinate = “{ $value }” is not a coordinate
import-problem-outside-region = the coordinates { $value } are outside the region Koldo serves
import-problem-negative = “{ $value }” is below zero
import-problem-more-than-capacity = more free places than the capacity ({ $value })
import-problem-duplicate-id = the id “{ $value }” is already used on line { $other }
import-problem-unknown-district = unknown district “{ $value }”
import-problem-unknown-value = unknown value “{ $value }”
import-problem-bad-phone = “{ $value }” is not a phone number (write +996… or a short number)
import-problem-bad-date = “{ $value }” is not a date like 2024-05-31 or 2024-05-31T14:00, or it is in the future
import-problem-too-long = too long: at most { $value }
