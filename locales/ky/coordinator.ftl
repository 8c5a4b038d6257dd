## Координаторлор жана администраторлор: кезек, өтүнүч картасы, үй-бүлө менен кат алышуу, ролдор.

staff-only = Бул Колдонун координаторлору жана администраторлору үчүн гана.

admin-only = Бул Колдонун администраторлору үчүн гана. Муну кылуу керек болсо, администраторго кайрылыңыз.
queue = <b>Ачык өтүнүчтөр</b>
    { $counts }
    Адегенде шашылыштары, анан көп күткөндөрү.
queue-empty = <b>Ачык өтүнүчтөр</b>
    { $counts }
    Азыр сиздин райондордо ачык өтүнүч жок.
queue-count = { $status }: { $count }
btn-queue-case = { $mark } { $code } · { $status } · { $waited }
btn-page-previous = ◀ Артка
btn-page-next = Кийинки ▶
btn-queue-refresh = 🔄 Жаңылоо
btn-queue = 📥 Кезек

case-status-new = жаңы
case-status-in_progress = каралып жатат
case-status-waiting_family = үй-бүлөнү күтүүдө
case-status-resolved = чечилди
priority-urgent = 🔴 шашылыш
priority-high = 🟠 жогорку
priority-normal = ⚪ кадимки

waited-minutes = { $count } мүнөт
waited-hours = { $count } саат
waited-days = { $count } күн

case-card =
    <b>Өтүнүч { $code }</b> · { $priority } · { $status }
    Керек: { $needs }
    Өзгөчө кам көрүү: { $vulnerable }
    Үй-бүлө: { $people }
    Жери: { $place }
    Телефон: { $phone }
    Тили: { $language }
    Күтүүдө: { $waited }
    { $held }
    Кошумча: { $details }

    <b>Билдирүүлөр</b>
    { $messages }
case-card-missing =
    <b>Өтүнүч { $code }</b> · 🔎 дайынсыз тууган · { $priority } · { $status }
    Изделип жаткан адам: { $name }
    { $sex } · { $age } · издеген кишиге ким болот: { $relation }
    Акыркы жолу көрүлгөн жери: { $place }, { $seen }
    Өзгөчө кам көрүү: { $vulnerable }
    Издеген кишинин аты: { $reporter }
    Телефон: { $phone }
    Тили: { $language }
    Күтүүдө: { $waited }
    { $held }
    Белгилери: { $details }

    <b>Билдирүүлөр</b>
    { $messages }
case-none = —
case-no-messages = азырынча билдирүү жок
case-held-by-you = 🙋 Бул өтүнүч сизде.
case-held-by = 👤 { $organisation } уюмунун координаторунда.
case-held-by-nobody = Бул өтүнүчтү азырынча эч ким алган жок.
case-chat-hint = ✍️ Азыр жөнөткөнүңүздүн баарын (текст, сүрөт, үн, жайгашкан жер, файл) Колдо үй-бүлөгө жеткирет. Үй-бүлө сиздин аккаунтуңузду көрбөйт. /queue — чыгуу.
case-line = { $author }: { $text }
author-family = 👪 Үй-бүлө
author-coordinator = 🙋 Координатор
author-note = 📝 Эскертме
author-system = ⚙️ Колдо
attachment-photo = [сүрөт]
attachment-voice = [үн]
attachment-audio = [аудио]
attachment-video = [видео]
attachment-document = [файл]
attachment-location = [жайгашкан жер]

btn-case-claim = ✋ Алуу
btn-case-canned = 💬 Даяр жооптор
btn-case-note = 📝 Ички эскертме
btn-case-waiting = ⏳ Үй-бүлөнү күтөбүз
btn-case-resolve = ✅ Чечилди
btn-case-handover = 🤝 Өткөрүп берүү
btn-case-release = ↩️ Кезекке кайтаруу
btn-case-back = ◀ Өтүнүчкө кайтуу
btn-case-open = 📂 Өтүнүчтү ачуу
btn-case-take-over = ✋ Өзүмө алуу

case-refused-not-allowed = Бул өтүнүч сиздин райондордон эмес, же сиз координатор эмессиз.
case-refused-taken = Бул өтүнүчтү башка координатор азыр эле алды.
case-refused-not-held = Бул өтүнүч сизде эмес.
case-refused-closed = Бул өтүнүч чечилген.
case-claimed = Өтүнүч сизде. Үй-бүлөгө билдирилди.
case-released = Өтүнүч кезекке кайтты.
case-saved = Сакталды. Үй-бүлөгө билдирилди.
case-choose-outcome = { $code } өтүнүчү кантип чечилди?
outcome-helped = ✅ Жардам берилди
outcome-referred = ➡️ Башка уюмга жөнөтүлдү
outcome-unreachable = 📵 Үй-бүлө жооп бербейт
outcome-duplicate = ♊ Кайталанган өтүнүч
case-choose-handover = { $code } өтүнүчүн кимге өткөрөсүз?
case-no-handover = Бул өтүнүч үчүн башка координатор жок.
btn-handover-to = { $organisation } · { $id }
case-handed-over = Өткөрүлдү.
case-handed-to-you = 🤝 Сизге { $code } өтүнүчү өткөрүлдү.
case-taken-over = Өтүнүч эми сизде. Мурун кармап турган кызматкерге билдирилди.
case-taken-from-you = 🔁 Колдонун администратору { $code } өтүнүчүн сизден алды.
case-choose-canned = Жоопту тандаңыз. Үй-бүлө аны өз тилинде алат.
btn-canned-received = Өтүнүчүңүздү алдык
btn-canned-send-location = Жайгашкан жериңизди жөнөтүңүз
btn-canned-aid-at = Жардам таратыла турган жер…
case-ask-place = Жардам кайда жана качан таратыларын жазыңыз (бир кыска сап).
case-canned-sent = Үй-бүлөгө өз тилинде жөнөтүлдү.
case-family-unreachable = Билдирүү үй-бүлөгө жеткен жок: Колдону бөгөттөп коюшкан болушу мүмкүн. Ал өтүнүчтө сакталды.
case-ask-note = Ички эскертмени жазыңыз. Үй-бүлө аны эч качан көрбөйт.
case-note-saved = Эскертме сакталды.
case-cannot-relay = Мындай билдирүүнү жеткирүүгө болбойт. Текст, сүрөт, үн, жайгашкан жер же файл жөнөтүңүз.
relay-from-family = 📩 <b>{ $code } өтүнүчү</b>: үй-бүлө жазды. Ушул өтүнүч боюнча жооп берүү үчүн алардын билдирүүсүнө жооп бериңиз.

alert-new-cases = 🆕 Сиздин райондордо жаңы өтүнүчтөр ({ $count }): { $codes }
alert-escalation = ⚠️ Шашылыш { $code } өтүнүчү { $minutes } мүнөт күтүп жатат, аны эч ким алган жок.

roles-grant-usage = Жазыңыз: /grant ID coordinator РАЙОНДОР МУКТАЖДЫКТАР УЮМ (тизмелер үтүр менен, жок болсо -; координатор ушактар тууралуу суроолорго да жооп берсе, factchecker деген сөздү кошуңуз), же /grant ID admin.
roles-revoke-usage = Жазыңыз: /revoke ID
roles-bad-role = Мындай ролду берүүгө болбойт.
roles-bad-district = Мындай район жок. Райондор (кодун жазыңыз): { $valid }
roles-bad-need = Жардамдын мындай түрү жок. Түрлөрү (кодун жазыңыз): { $valid }
roles-no-district = Координаторго жок дегенде бир район керек.
roles-granted = Даяр: { $id } эми { $role }.
roles-revoked = Даяр: { $id } эми ролу жок.
roles-no-role = { $id } ролу жок.
roles-line = { $id } · { $name } · { $role } · { $organisation } · { $districts } · { $needs }
roles-list = <b>Кызматкерлер</b>
    { $lines }
roles-bad-id = Бул Telegram колдонуучусунун ID'си эмес: 123456789 сыяктуу оң бүтүн санды жазыңыз.
roles-cases-released = ↩️ Кезекке { $count } өтүнүч кайтты: { $codes }
role-coordinator = координатор
role-admin = администратор
role-admin-settings = администратор (KOLDO_ADMIN_IDS)
roles-name-unknown = (аты азырынча белгисиз)
roles-all-districts = бардык райондор
roles-all-needs = жардамдын бардык түрлөрү
roles-no-organisation = -
roles-none = Азырынча координатор да, администратор да жок.
roles-not-started = ⚠️ { $id } Колдого эч качан жазган эмес, ошондуктан Колдо ага биринчи жаза албайт: Колдону ачып, START баскычын басуусун сураныңыз.
roles-revoke-settings-admin = { $id } KOLDO_ADMIN_IDS аркылуу администратор: аны бул жерден алып салууга болбойт. ID'ни KOLDO_ADMIN_IDS'тен өчүрүп, Колдону кайра иштетиңиз.
roles-welcome-coordinator = 🙋 Эми сиз Колдодо координаторсуз: { $districts } ({ $needs }). /queue — ал жердеги ачык өтүнүчтөр; /myshelters — алардын баш калкалоочу жайларын жаңыртуу.
roles-welcome-admin = 🛠 Эми сиз Колдонун администраторусуз. /staff — кызматкерлердин тизмеси, /grant жана /revoke — ролдорду өзгөртүү, /queue — бардык ачык өтүнүчтөр.

## Колдо жаза албаган кызматкерлер жана алардан эмнени суроо керек.
reach-not-started = Бул киши Колдодо START баскычын али баса элек, ошондуктан Колдо ага биринчи жаза албайт: Колдону ачып, START баскычын басуусун сураныңыз.
reach-blocked = Бул киши Колдону бөгөттөп койгон: Колдо менен болгон чатты ачып, бөгөттөн чыгаруусун сураныңыз.
reach-failed = Telegram билдирүүнү жеткирген жок.
roles-line-reach = ↳ ⚠️ { $reach }
alert-unreached = ⚠️ Колдо { $name } (ID { $id }) деген координаторго кабар жеткире алган жок, ошондуктан сизге билдирип жатабыз. Өтүнүчтөр: { $codes }. { $reason }

## Өтүнүч картасы: телефон, тил, файлдар жана жабылган өтүнүч эмне менен бүттү.
case-no-phone = көрсөтүлгөн жок
case-closed-as = Жыйынтыгы: { $outcome }
case-erased = 🗑 Үй-бүлө өчүрдү: жайгашкан жери, телефону, кошумча маалыматы, билдирүүлөрү жана файлдары өчүрүлдү. Аты-жөнсүз сандар гана калды.
case-erased-by-family = 🗑 Үй-бүлө өз маалыматын өчүрдү: { $code } өтүнүчү жабылды. Анын картасында аты-жөнсүз сандар гана калды.
btn-case-files = 📎 Файлдар ({ $count })
btn-case-files-more = ▶ Дагы файлдар
case-file-caption = 📎 { $code } өтүнүчү · { $number }/{ $total } · { $kind }
case-files-sent = 📎 { $code } өтүнүчү: { $total } файлдан { $first }–{ $last } жөнөтүлдү.
case-files-failed = { $count } файлды жөнөтүү мүмкүн болгон жок: Telegramда алар жок болуп калган.
case-files-none = Бул өтүнүчтө башка файл жок.
relay-reopened-by-family = 📩 <b>{ $code } өтүнүчү</b> жабылган эле. Үй-бүлө кайра жазды, ошондуктан өтүнүч кайра ачылды жана дагы эле сизде. Ушул өтүнүч боюнча жооп берүү үчүн алардын билдирүүсүнө жооп бериңиз.
