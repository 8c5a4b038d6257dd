## Баш калкалоочу жайлар: бүгүн кайда түнөө. Кызматкерлер бош орундарды жана абалын жаңыртып турат.

shelters-location =
    🏠 <b>Баш калкалоочу жай табуу</b>
    Төмөндөгү «📍 Турган жеримди жөнөтүү» баскычын басыңыз: бош орду бар эң жакын жайларды көрсөтөм. Же районуңузду тизмеден тандаңыз.
shelters-district = 🗺 <b>Районуңузду же шаарыңызды тандаңыз:</b>
shelters-location-far =
    Бул жер Баткен облусунан алыс көрүнөт. Телефон сиздин кайда экениңизди таба албаган болушу мүмкүн.
    Районуңузду же шаарыңызды тандаңыз:
shelters-nearest =
    🏠 <b>Сизге эң жакын баш калкалоочу жайлар</b>
    Аралык түз сызык менен эсептелди; жол менен алысыраак болушу мүмкүн.
shelters-in-district = 🏠 <b>Баш калкалоочу жайлар: { $area }</b>
shelters-district-more = { $total } жайдан { $shown } жай көрсөтүлдү. Эң жакындарын көрүү үчүн турган жериңизди жөнөтүңүз.
shelters-pin-hint = Картадан көрүү үчүн төмөндөгү аталышты басыңыз.
shelters-none-near =
    Азырынча ачык баш калкалоочу жай тууралуу маалымат жок.
    Коркунуч болсо, 112 номерине чалыңыз. Ишеним телефондору да жардам бере алат.
shelters-none-in-district =
    { $area }: тизмеде азырынча ачык баш калкалоочу жай жок. Жакынкы районду караңыз же ишеним телефонуна чалыңыз.
    Коркунуч болсо, 112 номерине чалыңыз.
shelter-closed-now = Бул жай азыр жабык. Башкасын тандаңыз.
shelter-venue-sample = ҮЛГҮ: { $name }
btn-shelter-pin = 📍 { $number }. { $name }
btn-other-district = 🗺 Башка районду тандоо

shelter-title = <b>{ $number }. { $name }</b>
shelter-title-distance = <b>{ $number }. { $name }</b> — { $distance }
distance-m = { $value } м
distance-km = { NUMBER($value, maximumFractionDigits: 1) } км
shelter-places = 🛏 Бош орун: { $free } ({ $capacity } орундан)
shelter-full = ⛔ Бош орун жок: баары толгон
shelter-phone = 📞 { $phone }
shelter-where = 📍 { $place }
service-food = 🍲 Тамак-аш
service-medical = 🩺 Медпункт
service-children = 🧸 Балдар үчүн жай
service-accessible = ♿ Мүмкүнчүлүгү чектелген адамдарга ыңгайлуу
service-women = 👩 Аялдар үчүн гана жай
shelter-updated-now = 🕓 Жаңы эле жаңыртылды
shelter-updated-minutes = 🕓 { $count } мүнөт мурун жаңыртылды
shelter-updated-hours = 🕓 { $count } саат мурун жаңыртылды
shelter-updated-days = ⚠️ { $count } күн мурун жаңыртылды. Өзгөргөн болушу мүмкүн: барардан мурун чалып көрүңүз.
sample-marker = ⚠️ ҮЛГҮ: бул чыныгы маалымат эмес. Колдо иштей баштаганга чейин алмаштырылат.

## Кызматкерлер: бош орундар жана абалы, эки басуу жана бир сан.

staff-choose-district = ✏️ <b>Жайларды жаңыртуу</b>. Районду тандаңыз:
staff-shelters = ✏️ <b>{ $area }</b>. Жаңыртуу үчүн жайды басыңыз:
staff-no-shelters = { $area }: тизмеде азырынча жай жок. Алар файл импорттоо аркылуу кошулат.
staff-no-districts = Сизге азырынча район бекитилген эмес. Администратордон райондоруңузду кошуп берүүнү сураныңыз.
btn-staff-shelter = { $status ->
    [open] ✅
    [full] ⛔
   *[closed] 🚫
} { $name } · { $free }/{ $capacity }
btn-staff-more = Дагы ➡️
btn-staff-update = ✏️ Бул жердеги бош орундарды жаңыртуу
btn-staff-back-list = ⬅️ Тизмеге кайтуу
btn-staff-status-open = ✅ Ачык, бош орун бар
btn-staff-status-full = ⛔ Бош орун жок
btn-staff-status-closed = 🚫 Жабык
btn-staff-cancel = ✖ Жокко чыгаруу
staff-card =
    ✏️ <b>{ $name }</b>
    Азыр: { $status }, бош орун: { $free } ({ $capacity } орундан).
    { $updated }

    Азыр абал кандай? Бирөөнү басыңыз:
shelter-status-open = ачык
shelter-status-full = бош орун жок
shelter-status-closed = жабык
staff-ask-free = <b>{ $name }</b>: азыр канча орун бош? Санды жөнөтүңүз (0 – { $capacity }).
staff-free-invalid = Санды гана жөнөтүңүз (0 – { $capacity }). Мисалы: 12.
staff-saved = ✅ Сакталды: <b>{ $name }</b> — { $status }, бош орун: { $free } ({ $capacity } орундан). Үй-бүлөлөр «жаңы эле жаңыртылды» деп көрүшөт.
staff-cancelled = Эч нерсе өзгөргөн жок.
shelter-refused-not-staff = Бул координаторлор жана администраторлор үчүн гана.
shelter-refused-not-your-district = Бул жай сиздин райондоруңузда эмес.
shelter-refused-unknown = Бул жай эми тизмеде жок.

## Баш калкалоочу жайлар жана ишеним телефондору менен файлдарды импорттоо.

import-problem-line = { $line }-сап, { $column }: { $reason }
import-problem-file = { $line }-сап: { $reason }
import-problem-not-utf8 = файл UTF-8 коддоосунда эмес. Аны кайра «CSV UTF-8» катары сактаңыз.
import-problem-not-csv = бул окула турган CSV таблица эмес; тырмакчаларды текшериңиз
import-problem-empty-file = файл бош
import-problem-missing-column = бул тилке жок
import-problem-repeated-column = бул тилке эки жолу бар
import-problem-missing-value = бош, бирок маани керек
import-problem-missing-coordinates = координаттар жок
import-problem-not-a-number = «{ $value }» бүтүн сан эмес
import-problem-not-a-coordinate = «{ $value }» координат эмес
import-problem-outside-region = { $value } координаттары Колдо иштеген аймактан тышкары
import-problem-negative = «{ $value }» нөлдөн кичине
import-problem-more-than-capacity = бош орундар сыйымдуулуктан көп ({ $value })
import-problem-duplicate-id = «{ $value }» номери { $other }-сапта мурун эле бар
import-problem-unknown-district = белгисиз район «{ $value }»
import-problem-unknown-value = белгисиз маани «{ $value }»
import-problem-bad-phone = «{ $value }» телефон номери эмес (+996… же кыска номер жазыңыз)
import-problem-bad-date = «{ $value }» 2024-05-31 же 2024-05-31T14:00 түрүндөгү дата эмес, же келечектеги дата
import-problem-too-long = өтө узун: эң көп { $value }
