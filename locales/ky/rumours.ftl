## «Бул чынбы?»: үй-бүлө ушак тууралуу сурайт; администраторлор жана факт текшерүүчүлөр сураган
## бардык үй-бүлөгө, ар бирине өз тилинде жооп беришет.

## Үй-бүлө сурайт.
rumour-ask =
    ❓ <b>Бул чынбы?</b>
    Бир кабарды көрүп, анын чын экенине ишенбей жатасызбы? Аны ушул жерге узатыңыз, сүрөтүн жөнөтүңүз же өз сөзүңүз менен жазыңыз.
    Ушактарды текшерген адамдар билгенде ушул жерге жооп беришет.
rumour-received = 👍 Кабыл алынды. Ушул эле нерсе боюнча дагы жөнөтсөңүз болот, же «Текшерүүгө жөнөтүү» баскычын басыңыз.
btn-rumour-send = ✅ Текшерүүгө жөнөтүү
rumour-hint-nothing = Колдо узатылган кабарды, сүрөттү же өзүңүз жазган сөздү текшере алат. Ушулардын бирин жөнөтүңүз.
rumour-hint-too-long = Өтө узун: бир суроого { $max } белгиге чейин батат. Мурун жөнөткөнүңүз сакталды.
rumour-hint-too-many-photos = Бир суроого { $max } сүрөткө чейин батат. Мурун жөнөткөнүңүз сакталды.
rumour-sent = 📨 { $code } суроонуз ушактарды текшерген адамдарга жөнөтүлдү. Алар билгенде ушул жерге жооп беришет. Аны «Менин өтүнүчтөрүм» бөлүмүнөн да табасыз.
rumour-asked-before = Бул тууралуу мурун сурагансыз: { $code } суроосу. Ушактарды текшерген адамдар билгенде ушул жерге жооп беришет.

## Үй-бүлө окуган жооп.
rumour-answer =
    ❓ <b>Сиздин { $code } суроонуз</b>
    { $body }
rumour-answer-body =
    { $verdict }

    { $explanation }

    Текшерген: { $source }
rumour-verdict-true = ✅ <b>Бул чын.</b>
rumour-verdict-false = ❌ <b>Бул чын эмес.</b>
rumour-verdict-unknown = ❔ <b>Бул чынбы же жокпу, азырынча белгисиз.</b> Белгилүү болгондо, жообун ушул жерден аласыз.
rumour-source = Колдонун факт текшерүүчүлөрү

## Үй-бүлөнүн суроолору «Менин өтүнүчтөрүм» бөлүмүндө.
btn-my-rumour = ❓ { $code } · { $status }
rumour-status-checking = 🔎 текшерилүүдө
rumour-status-unknown = ❔ азырынча белгисиз
rumour-status-answered = ✅ жооп берилди
my-rumour =
    <b>{ $code } суроосу</b>, { $date }
    Абалы: { $status }
    Сиз сурадыңыз: { $question }
rumour-photo-only = (сүрөт)

## Кызматкерлер: ушактын карточкасы.
rumour-card =
    <b>❓ Ушак { $code }</b>
    Сурагандар: { $count } үй-бүлө
    Күтүүдө: { $waited }
rumour-origin-none = Узатылган эмес: үй-бүлө өзү жөнөткөн.
rumour-origin-channel = { $name } каналынан узатылган
rumour-origin-group = { $name } тобунан узатылган
rumour-origin-person = { $name } деген колдонуучунун кабарынан узатылган
rumour-origin-hidden = { $name } дегенден узатылган (аккаунту жашырылган)
rumour-origin-noname = (аты жок)
rumour-card-question = Суроо: { $question }
rumour-card-photo = 🖼 Суроо менен сүрөт келди (жогоруда).
rumour-photo-caption = 🖼 { $code } ушагынын сүрөтү
rumour-card-unanswered = Азырынча жооп жок.
rumour-card-said = Азыркы жооп: { $verdict }
rumour-word-true = ✅ чын
rumour-word-false = ❌ чын эмес
rumour-word-unknown = ❔ азырынча белгисиз
btn-rumour-true = ✅ Чын
btn-rumour-false = ❌ Жалган
btn-rumour-unknown = ❔ Азырынча белгисиз
btn-rumour-broadcast = 📢 Коопсуздук кабары катары жөнөтүү
rumour-broadcast-unavailable = Коопсуздук кабарын азырынча бул жерден жазууга болбойт.

## Кызматкерлер: ар бир тилдеги түшүндүрмө, алдын ала көрүү, жооп.
rumour-language-ky = кыргызча
rumour-language-ru = орусча
rumour-language-en = англисче
rumour-write =
    { $verdict } · { $code } ушагы
    Үй-бүлөлөр үчүн кыска түшүндүрмө жазыңыз: эмне белгилүү жана кантип текшерилди. Тили: <b>{ $language }</b>, { $max } белгиге чейин.
rumour-write-optional =
    { $verdict } · { $code } ушагы
    Үй-бүлөлөр үчүн кыска түшүндүрмө жазыңыз. Тили: <b>{ $language }</b>, { $max } белгиге чейин.
    Же «Бул тилди өткөрүп жиберүү» баскычын басыңыз: анда бул үй-бүлөлөргө { $default } текст жөнөтүлөт.
rumour-write-hint = Түшүндүрмөнү текст менен, { $max } белгиге чейин жазыңыз.
btn-rumour-skip = ⏭ Бул тилди өткөрүп жиберүү
btn-rumour-cancel = ✖️ Жокко чыгаруу
rumour-cancelled = Эч нерсе жөнөтүлгөн жок.
rumour-preview = <b>Үй-бүлөлөр муну кантип окушат</b>
rumour-preview-language = <b>{ $language }</b> · { $count } үй-бүлө
rumour-preview-fallback = {" "}— бул тилде эч нерсе жазылган жок: аларга { $default } текст жөнөтүлөт
rumour-preview-hint = Алдын ала көрүүнүн астындагы баскычтарды басыңыз: үй-бүлөлөргө жооп берүү, кайра жазуу же жокко чыгаруу.
btn-rumour-confirm = 📨 { $count } үй-бүлөнүн баарына жооп берүү
btn-rumour-rewrite = ✏️ Кайра жазуу
rumour-answered = ✅ Даяр: { $count } үй-бүлөдөн { $told } үй-бүлө жоопту алды.
rumour-already-answered = Бул ушакка жооп берилип калган; эч нерсе кайра жөнөтүлгөн жок.
alert-new-rumours = ❓ Текшерүү үчүн { $count } жаңы ушак: { $codes }

## Ролдор: ушактарды текшерген координатор.
role-fact-checker = координатор, факт текшерүүчү
roles-welcome-fact-checker = ❓ Сиз бардык райондордон үй-бүлөлөрдүн ушактар тууралуу суроолоруна да жооп бересиз: алар /queue ичинде.
roles-welcome-fact-checker-only = ❓ Эми сиз Колдодо факт текшерүүчүсүз: бардык райондордон үй-бүлөлөрдүн ушактар тууралуу суроолоруна жооп бересиз. /queue аларды көрсөтөт.
