## Текшерилген коопсуздук кабарлары (таратуулар): үй-бүлө администратордун текстинин астында
## эмне окуйт жана `koldo broadcast …` аны иштеткен администраторго эмне дейт.

broadcast-urgent = ⚠️ <b>Шашылыш</b>
broadcast-source = ✅ Текшерген: { $source }

broadcast-problem-no-default-text = негизги тилдеги ({ $language }) текст жок: бош калган тилдер ошол текстти алат
broadcast-problem-no-source = булак жок: бул кабарды ким текшергенин жазыңыз (--source)
broadcast-problem-too-long = булак сабы менен текст бир билдирүүгө батпайт (4096 белги, сүрөттүн астында 1024)
broadcast-problem-bad-near = --near КЕҢДИК,УЗУНДУК,КМ алат, мисалы 40.06,70.82,25 (радиус 0.1ден 500 кмге чейин)
broadcast-problem-bad-location = --location КЕҢДИК,УЗУНДУК алат, мисалы 40.06,70.82
broadcast-problem-bad-time = --at убакытты алат, мисалы 2026-05-03T18:00+06:00 же 18:00 (бүгүн, бул компьютердин убакыт алкагы боюнча)
broadcast-problem-past-time = --at убактысы өтүп кетти; азыр жөнөтүү үчүн аны жазбаңыз
broadcast-problem-bad-district = «{ $value }» деген районду Колдо билбейт
broadcast-problem-bad-language = «{ $value }» Колдонун тили эмес: ky, ru же en жазыңыз
broadcast-problem-not-found = { $id } номерлүү таратуу жок
broadcast-problem-not-cancellable = { $id } таратуусу бүтүп калган; жокко чыгара турган эч нерсе жок

broadcast-created = Таратуу { $id }: { $status }
broadcast-recipients = { $count } алуучу ({ $languages })
broadcast-cancelled = { $id } таратуусу жокко чыгарылды; мындан ары эч нерсе жөнөтүлбөйт.
broadcast-status-scheduled = { $at } убактысына пландалды
broadcast-status-running = жөнөтүлүүдө
broadcast-status-done = бүттү
broadcast-status-cancelled = жокко чыгарылды
broadcast-progress = жөнөтүлдү { $sent }, жөнөтүлгөн жок { $failed }, жеткиликсиз { $unreachable }, калды { $left }; секундасына { $rate }; { $eta }
broadcast-eta = бүтүшүнө болжол менен { $seconds } с калды
broadcast-eta-unknown = бүтүшүнө канча калганы азырынча белгисиз
broadcast-eta-done = эч нерсе калган жок
broadcast-report = { $id } таратуусу { $status }: { $total } ичинен { $sent } жөнөтүлдү, жөнөтүлгөн жок { $failed }, жеткиликсиз { $unreachable }.
broadcast-list-empty = Азырынча таратуулар жок.
broadcast-worker-stopped = Таратууларды жөнөтүү токтотулду; жөнөтүлгөн билдирүүлөр: { $count }.

## Оңдоодо үй-бүлө биринчи эмнени окуйт.
broadcast-corrects = ✏️ <b>{ $date } жөнөтүлгөн коопсуздук кабарына оңдоо.</b>

## Боттогу коопсуздук кабары (/broadcast), администраторлор үчүн.
broadcast-admins-only = Бул Колдонун администраторлору үчүн гана.
broadcast-language-ky = кыргызча
broadcast-language-ru = орусча
broadcast-language-en = англисче
broadcast-compose-now = Азыр: { $value }
broadcast-compose-text-default = ✍️ Тили: <b>{ $language }</b>. Коопсуздук кабарын үй-бүлөлөр окуй тургандай жазыңыз. Бул текст милдеттүү: өз тилинде тексти жок адамдар ушуну алышат.
broadcast-compose-text-other = ✍️ Тили: <b>{ $language }</b>. Кабарды ушул тилде жазыңыз же бул кадамды өткөрүп жибериңиз. Анда Колдону ушул тилде окугандар { $default } текстти алышат.
broadcast-compose-correcting = ✏️ Бул { $id } коопсуздук кабарына оңдоо. Алуучулар адегенде ошол кабардын күнүн көрүшөт.
broadcast-compose-media = 📎 Кабарга сүрөт же жайгашкан жер кошосузбу? Бирөөнү жөнөтүңүз (📎, андан кийин Сүрөт же Жайгашкан жер) же аларсыз улантыңыз.
broadcast-compose-has-photo = Азыр кабарда сүрөт бар.
broadcast-compose-has-location = Азыр кабарда жайгашкан жер бар.
broadcast-compose-source = ✅ Бул кабарды ким текшерди? Булакты, мекемени же уюмду жазыңыз: үй-бүлөлөр аны тексттин астынан окушат.
broadcast-compose-audience = 👥 Кабарды ким алат?
broadcast-compose-districts = 🗺 Кайсы райондор? Аларды басыңыз же райондун атын жазыңыз. Үй-бүлөлөр кабарды катталганда көрсөткөн же акыркы жолу жөнөткөн району боюнча алышат.
broadcast-compose-languages = 🌐 Кайсы тилдер? Адамдар кабарды Колдону окуган тили боюнча алышат.
broadcast-compose-point = 📍 Аймактын борборун жайгашкан жер катары жөнөтүңүз (📎, андан кийин Жайгашкан жер). Ага жакын жерден жайгашкан жерин жөнөткөн үй-бүлөлөр кабарды алышат.
broadcast-compose-km = 📏 Ал чекиттен канча километрге чейин? Аралыкты басыңыз же { $min } – { $max } аралыгындагы санды жазыңыз.
broadcast-compose-urgency = ⚠️ Бул шашылыш кабарбы? Шашылыш кабар эскертүү белгиси менен башталат.
broadcast-preview-language = 👁 <b>{ $language }</b> · { $count } алуучу
broadcast-preview-fallback = Тексти жок ({ $language }): бул адамдар { $default } текстти алышат.
broadcast-preview-summary = 👆 Ар бир тил кабарды ушундай алат. Баары { $count } алуучу.
broadcast-audience-everyone = 👥 Колдону баштагандардын баары
broadcast-audience-districts = 🗺 Бул райондордогу үй-бүлөлөр: { $districts }
broadcast-audience-languages = 🌐 Колдону бул тилдерде окугандар: { $languages }
broadcast-audience-coordinators = 🧑‍💼 Координаторлор жана администраторлор гана
broadcast-audience-near = 📍 Чекиттен { $km } км чейинки үй-бүлөлөр
broadcast-urgency-urgent = ⚠️ Шашылыш
broadcast-urgency-normal = Шашылыш эмес
broadcast-preview-correction = ✏️ { $id } коопсуздук кабарына оңдоо
broadcast-compose-schedule = 🕒 Качан жөнөтүлсүн? Убакыт Кыргызстандын убактысы боюнча.
broadcast-compose-time = ⌨️ Убакытты Кыргызстандын убактысы боюнча жазыңыз: бүгүн үчүн 18:00, же күн менен убакытты, мисалы 2026-05-03 18:00.
broadcast-compose-edit = ✏️ Эмнени өзгөртөсүз?
broadcast-compose-drop = Бул кабарды өчүрөсүзбү? Андан эч нерсе жөнөтүлбөйт.
broadcast-compose-dropped = Кабар өчүрүлдү; эч нерсе жөнөтүлгөн жок.
broadcast-compose-resume = Сизде жөнөтүлө элек коопсуздук кабары бар.
broadcast-compose-saved = 📤 { $id } коопсуздук кабары сакталды. Анын жөнөтүлүшү төмөндө.
broadcast-already-sent = Бул кабар { $id } коопсуздук кабары катары сакталган; ал эки жолу жөнөтүлбөйт.
broadcast-not-found = { $id } номерлүү коопсуздук кабары жок.

## Жоопто эмне туура эмес: долбоор сакталат, кадам кайра көрсөтүлөт.
broadcast-bad-text = Текстти билдирүү менен жөнөтүңүз: стикерлер, сүрөттөр жана файлдар бул жерге туура келбейт.
broadcast-bad-too-long = Бир билдирүү үчүн өтө узун: булак сабы менен ар бир тилдин тексти { $max } белгиден ашпашы керек. Аны кыскартыңыз.
broadcast-bad-no-default = { $language } текст керек: өз тилинде тексти жок адамдар ушуну алышат.
broadcast-bad-photo-long = Сүрөттүн астында ар бир тилдин тексти булак сабы менен { $max } белгиден ашпашы керек, бул кабар андан узун. Адегенде тексттерди кыскартыңыз же сүрөтсүз улантыңыз.
broadcast-bad-media = Сүрөт же жайгашкан жер жөнөтүңүз, же баскычтарды колдонуңуз.
broadcast-bad-source = Кабарды ким текшергенин { $max } белгиден ашырбай жазыңыз.
broadcast-bad-district = Колдо { $value } деген районду билбейт. Баскычтардын бирин басыңыз.
broadcast-bad-no-district = Жок дегенде бир районду тандаңыз.
broadcast-bad-no-language = Жок дегенде бир тилди тандаңыз.
broadcast-bad-point = Чекитти жайгашкан жер катары жөнөтүңүз (📎, андан кийин Жайгашкан жер).
broadcast-bad-point-far = Бул чекит Колдо иштеген райондордон алыс. Аймактын ичиндеги чекитти жөнөтүңүз.
broadcast-bad-km = { $min } – { $max } км аралыгындагы аралыкты жазыңыз, мисалы 10.
broadcast-bad-time = Колдо бул убакытты түшүнгөн жок. Бүгүн үчүн 18:00, же күн менен убакытты жазыңыз, мисалы 2026-05-03 18:00.
broadcast-bad-past-time = Бул убакыт өтүп кетти. Кийинирээк убакытты жазыңыз же кабарды азыр жөнөтүңүз.
broadcast-use-buttons = Бул кадамдын баскычтарын колдонуңуз.

btn-broadcast-keep = Ушундай калсын ➡️
btn-broadcast-cancel = ✖ Жокко чыгаруу
btn-broadcast-no-media = Сүрөтсүз жана жайгашкан жерсиз ➡️
btn-broadcast-everyone = 👥 Баарына
btn-broadcast-districts = 🗺 Айрым райондорго
btn-broadcast-languages = 🌐 Айрым тилдерге
btn-broadcast-coordinators = 🧑‍💼 Координаторлорго гана
btn-broadcast-near = 📍 Чекиттин жанындагыларга
btn-broadcast-km = { $km } км
btn-broadcast-normal = Шашылыш эмес
btn-broadcast-urgent = ⚠️ Шашылыш
btn-broadcast-send = 📤 Азыр жөнөтүү
btn-broadcast-schedule = 🕒 Пландоо
btn-broadcast-edit = ✏️ Өзгөртүү
btn-broadcast-to-preview = ⬅️ Алдын ала көрүүгө кайтуу
btn-broadcast-in-hours = { $hours } сааттан кийин
btn-broadcast-tomorrow = Эртең саат 08:00дө
btn-broadcast-type-time = ⌨️ Убакытты жазуу
btn-broadcast-edit-text = ✏️ Текст: { $language }
btn-broadcast-edit-media = ✏️ Сүрөт же жайгашкан жер
btn-broadcast-edit-source = ✏️ Булак
btn-broadcast-edit-audience = ✏️ Ким алат
btn-broadcast-edit-urgency = ✏️ Шашылыштыгы
btn-broadcast-drop = 🗑 Ооба, өчүрүү
btn-broadcast-keep-draft = ⬅️ Жок, кайтуу
btn-broadcast-resume = ➡️ Улантуу
btn-broadcast-anew = 🆕 Башынан баштоо

## Администратордун жөнөтүү жөнүндө билдирүүсү (жаңыланып турат) жана жыйынтык отчет.
broadcast-eta-minutes = бүтүшүнө болжол менен { $minutes } мүн калды
broadcast-figure-sent = ✅ Жөнөтүлдү: { $count }
broadcast-figure-failed = ❌ Жеткирилген жок: { $count }
broadcast-figure-unreachable = 🚫 Жеткиликсиз (Колдону бөгөттөгөн): { $count } киши
broadcast-figure-left = ⏳ Калды: { $count }
broadcast-figure-rate = ⚡ секундасына { $rate } · { $eta }
broadcast-progress-scheduled = 🕒 { $id } коопсуздук кабары { $at } убактысына пландалды (Кыргызстандын убактысы).
broadcast-progress-starting = 📤 { $id } коопсуздук кабары: жөнөтүү башталып жатат.
broadcast-progress-running = 📤 <b>{ $id } коопсуздук кабары</b> жөнөтүлүүдө.
broadcast-progress-done = 🏁 <b>{ $id } коопсуздук кабары</b> жөнөтүлдү.
broadcast-progress-cancelled = ✖ <b>{ $id } коопсуздук кабары</b> жокко чыгарылды.
broadcast-final-done = 🏁 <b>{ $id } коопсуздук кабары жөнөтүлдү</b>: { $total } алуучунун { $sent } алды.
broadcast-final-cancelled = ✖ <b>{ $id } коопсуздук кабары жокко чыгарылды</b>: ага чейин { $total } алуучунун { $sent } алган.

## /broadcasts: акыркы коопсуздук кабарлары.
broadcast-list-none = Азырынча коопсуздук кабарлары жок.
broadcast-list-title = 📢 <b>Акыркы коопсуздук кабарлары</b>
broadcast-list-item = <b>{ $id }</b> · { $when } · { $status } · { $total } ичинен { $sent } жөнөтүлдү
    <i>{ $text }</i>
broadcast-cancel-question = { $id } коопсуздук кабарын жокко чыгарасызбы? Жөнөтүлгөнү ошол бойдон калат; мындан ары аны эч ким албайт.
broadcast-cancel-done = { $id } коопсуздук кабары жокко чыгарылды; мындан ары эч нерсе жөнөтүлбөйт.
broadcast-cancel-too-late = { $id } коопсуздук кабары бүтүп калган; жокко чыгара турган эч нерсе жок.
btn-broadcast-cancel-one = ✖ { $id } жокко чыгаруу
btn-broadcast-correct = ✏️ { $id } оңдоо
btn-broadcast-cancel-yes = ✖ Ооба, жокко чыгаруу
btn-broadcast-cancel-no = ⬅️ Жок, калсын
btn-broadcast-list = ⬅️ Акыркы коопсуздук кабарлары
