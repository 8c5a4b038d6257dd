## Колдо мен тууралуу эмне билет (/mydata): Колдо адам тууралуу сактаган нерселердин баары.

menu-mydata = 📄 Менин маалыматым
command-mydata = Колдо мен тууралуу эмнени сактайт
btn-mydata-file = 📄 Файл катары алуу

mydata-heading = <b>📄 Колдо сиз тууралуу эмнени сактайт</b>
mydata-nothing =
    <b>📄 Колдо сиз тууралуу эмнени сактайт</b>
    Эч нерсе: өтүнүч да, телефон номери да, билдирүү да жок. Колдо сизге жооп бере алышы үчүн Telegram аккаунтуңуздун номерин жана тилиңизди гана билет.
mydata-page = Бет: { $page } / { $pages }
mydata-footer = Муну сизге жардам берүү үчүн Колдону жүргүзгөн жардам уюмдарынын координаторлору гана көрөт. Биз аны башка үй-бүлөлөргө эч качан көрсөтпөйбүз. Баарын өчүрүү үчүн «Маалыматымды өчүрүү» баскычын басыңыз.
mydata-not-given = көрсөтүлгөн жок

mydata-account =
    <b>👤 Сиз</b>
    🌐 Тил: { $language }
    ✅ Макулдук: { $consent }
    📱 Телефон: { $phone }
mydata-agreed = { $date } берилген
mydata-not-agreed = берилген жок
mydata-staff =
    🪪 Ролуңуз: { $role }, уюмуңуз: { $organisation }
    Telegram берген атыңыз: { $name }
mydata-role-family = жок
mydata-role-coordinator = координатор
mydata-role-admin = администратор

mydata-case =
    <b>📋 Өтүнүч { $code }</b>
    Абалы: { $status }
    Жөнөтүлгөн күнү: { $created }
    📍 Жер: { $place }
    👪 Кишилер: { $people }
    ❤️ Өзгөчө кам көрүү: { $vulnerable }
    🆘 Керек: { $needs }
    📱 Телефон: { $phone }
    📝 Кошумча: { $details }
mydata-missing =
    <b>🔎 Өтүнүч { $code }: дайынсыз тууган</b>
    Абалы: { $status }
    Жөнөтүлгөн күнү: { $created }
    👤 Кимди издеп жатабыз: { $name }, { $sex }, { $age }
    👪 Сизге ким болот: { $relation }
    📍 Акыркы жолу көрүлгөн: { $place }, { $seen }
    ❤️ Өзгөчө кам көрүү: { $vulnerable }
    📝 Белгилери: { $details }
    🙋 Сиздин атыңыз: { $reporter }
    📱 Телефон: { $phone }
mydata-place-with-location = { $place } (сиз жөнөткөн жайгашкан жер боюнча)
mydata-closed = Жабылган күнү: { $date }
mydata-messages = 💬 Сакталган билдирүүлөр: { $count } (сизден: { $yours }, координатордон: { $theirs })
mydata-no-messages = 💬 Билдирүүлөр жок.
mydata-notes = 🗒 Координатор иши үчүн жазып алган белгилер: { $count }
mydata-files = 📎 Сакталган сүрөттөр, үн билдирүүлөр, файлдар жана жайгашкан жерлер: { $count }
mydata-seen = 👁 Көргөндөр: { $who }
mydata-seen-nobody = 👁 Азырынча аны эч ким ачып көрө элек.
mydata-seen-coordinator = Колдонун координатору
mydata-seen-admin = Колдонун администратору

mydata-household =
    <b>✅ Биз аманбыз</b>
    📍 Жер: { $place }
mydata-listed = { $date } табылууга макул болдуңуз: сизди издеген туугандарга аман экениңиз ар бир жолу сиз макул болгондон кийин гана айтылат. Тизмеңиздегилер:
mydata-not-listed = Тизмеңизде эч ким жок: сизди издеген туугандарга эч нерсе айтылбайт.

mydata-questions = <b>❓ «Бул чынбы?» деген суроолоруңуз: { $count }</b>
mydata-question =
    { $code } · { $date } · { $status }
    Сиз сурадыңыз: { $question }

mydata-file-title = Колдо сиз тууралуу эмнени сактайт, { $date } абалы боюнча
mydata-file-caption = 📄 Колдо сиз тууралуу сактаган маалыматтын баары бир файлда. Аны этият сактаңыз: файлды көргөн ар ким анын ичиндегисин окуй алат.
