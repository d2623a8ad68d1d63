<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>What Qorgan does</source>
        <translation>Что делает Qorgan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>the names of sites you open (not the pages, searches or what you type)</source>
        <translation>названия сайтов, которые ты открываешь (не сами страницы, не поисковые запросы и не то, что ты печатаешь)</translation>
    </message>
    <message>
        <source>which sites were blocked, and why</source>
        <translation>какие сайты были заблокированы и почему</translation>
    </message>
    <message>
        <source>how long you use each app every day</source>
        <translation>сколько времени в день ты проводишь в каждом приложении</translation>
    </message>
    <message>
        <source>your requests for more time or for a site, and the answers</source>
        <translation>твои просьбы о дополнительном времени или о сайте и ответы на них</translation>
    </message>
    <message>
        <source>what you write in messages or chats</source>
        <translation>то, что ты пишешь в сообщениях и чатах</translation>
    </message>
    <message>
        <source>your passwords or what you type</source>
        <translation>твои пароли и то, что ты набираешь на клавиатуре</translation>
    </message>
    <message>
        <source>screenshots or the contents of pages</source>
        <translation>снимки экрана и содержимое страниц</translation>
    </message>
    <message>
        <source>sending anything to the internet: it all stays on this PC</source>
        <translation>отправка чего-либо в интернет: всё остаётся на этом компьютере</translation>
    </message>
    <message>
        <source>Qorgan is on</source>
        <translation>Qorgan включён</translation>
    </message>
    <message>
        <source>Your parent set up Qorgan on this computer to keep you safe online and to help with screen time.</source>
        <translation>Твои родители установили Qorgan на этот компьютер, чтобы защищать тебя в интернете и помогать с экранным временем.</translation>
    </message>
    <message>
        <source>What it records:</source>
        <translation>Что записывается:</translation>
    </message>
    <message>
        <source>What it never records or does:</source>
        <translation>Что никогда не записывается и не делается:</translation>
    </message>
    <message>
        <source>Records are deleted after 90 days or sooner, as your parent set.</source>
        <translation>Записи удаляются через 90 дней или раньше, как решили родители.</translation>
    </message>
    <message>
        <source>If something online scares or upsets you, tell an adult you trust, or call 150: the helpline for children, free and open day and night.</source>
        <translation>Если что-то в интернете пугает или расстраивает тебя, расскажи взрослому, которому доверяешь, или позвони по номеру 150: это бесплатный телефон доверия для детей, он работает круглосуточно.</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Активность</translation>
    </message>
    <message>
        <source>All children</source>
        <translation>Все дети</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Всё</translation>
    </message>
    <message>
        <source>Blocked only</source>
        <translation>Только заблокированное</translation>
    </message>
    <message>
        <source>Allowed only</source>
        <translation>Только разрешённое</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Последние 24 часа</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <source>Filter by site</source>
        <translation>Фильтр по сайту</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Allow for 1 hour</source>
        <translation>Разрешить на 1 час</translation>
    </message>
    <message>
        <source>Always allow</source>
        <translation>Разрешить всегда</translation>
    </message>
    <message>
        <source>Choose a row to see why it was decided that way.</source>
        <translation>Выберите строку, чтобы увидеть причину решения.</translation>
    </message>
    <message>
        <source>This block cannot be lifted by a parent.</source>
        <translation>Эту блокировку родитель снять не может.</translation>
    </message>
    <message>
        <source>{host} is allowed for {child} for one hour.</source>
        <translation>{child}: сайт {host} разрешён на один час.</translation>
    </message>
    <message>
        <source>{host} is now always allowed for {child}.</source>
        <translation>{child}: сайт {host} теперь разрешён всегда.</translation>
    </message>
</context>
<context>
    <name>AddChildDialog</name>
    <message>
        <source>Add a child</source>
        <translation>Добавить ребёнка</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source>Seen</source>
        <translation>Просмотрено</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>Talk with your child calmly and without blame, and listen more than you speak. If you are worried, call 150, the free helpline for children and youth (24/7).</source>
        <translation>Поговорите с ребёнком спокойно и без упрёков, больше слушайте. Если вы тревожитесь, позвоните на телефон доверия для детей и молодёжи 150 (бесплатно, круглосуточно).</translation>
    </message>
    <message>
        <source>Stay calm: children often land on such pages by accident. If someone sent your child such material or asked for photos, call 150 and the police on 102.</source>
        <translation>Сохраняйте спокойствие: дети часто попадают на такие страницы случайно. Если кто-то присылал ребёнку такие материалы или просил фото, звоните 150 и в полицию 102.</translation>
    </message>
    <message>
        <source>Ask whom your child talks to online and agree on simple rules. If an adult pressures your child, it is not the child&apos;s fault: call 102 and 150.</source>
        <translation>Спросите, с кем ребёнок общается в сети, и договоритесь о простых правилах. Если взрослый давит на ребёнка, это не вина ребёнка: звоните 102 и 150.</translation>
    </message>
    <message>
        <source>Ask what your child wanted to open: a rule may feel too strict. Explain that the rules are there to keep them safe, not to spy on them.</source>
        <translation>Спросите, что ребёнок хотел открыть: возможно, какое-то правило слишком строгое. Объясните, что правила нужны для безопасности, а не для слежки.</translation>
    </message>
    <message>
        <source>Qorgan counts time on its own clock, so the limits still hold. Agree on a fair daily allowance together.</source>
        <translation>Qorgan считает время по своим часам, поэтому лимиты действуют. Договоритесь вместе о честном дневном времени.</translation>
    </message>
    <message>
        <source>Check that your child&apos;s account is not an administrator and that nobody else knows the parent PIN.</source>
        <translation>Проверьте, что учётная запись ребёнка не администраторская и что родительский PIN-код больше никто не знает.</translation>
    </message>
    <message>
        <source>{child}: {kind}</source>
        <translation>{child}: {kind}</translation>
    </message>
    <message>
        <source>Also not seen yet: {count}</source>
        <translation>Ещё не просмотрено: {count}</translation>
    </message>
</context>
<context>
    <name>AllDataBox</name>
    <message>
        <source>All data</source>
        <translation>Все данные</translation>
    </message>
    <message>
        <source>Export all data…</source>
        <translation>Экспортировать все данные…</translation>
    </message>
    <message>
        <source>Delete all data…</source>
        <translation>Удалить все данные…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Экспортировано: {path}</translation>
    </message>
    <message>
        <source>All children, rules and history are deleted.</source>
        <translation>Все дети, правила и история удалены.</translation>
    </message>
    <message>
        <source>Export all data</source>
        <translation>Экспорт всех данных</translation>
    </message>
    <message>
        <source>Delete all data</source>
        <translation>Удаление всех данных</translation>
    </message>
    <message>
        <source>This deletes every child, rule, setting and record. Enter the PIN to confirm:</source>
        <translation>Будут удалены все дети, правила, настройки и записи. Введите PIN-код для подтверждения:</translation>
    </message>
    <message>
        <source>Delete everything</source>
        <translation>Удалить всё</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>AppsPage</name>
    <message>
        <source>Apps</source>
        <translation>Приложения</translation>
    </message>
    <message>
        <source>Choose an app</source>
        <translation>Выберите приложение</translation>
    </message>
    <message>
        <source>program name, e.g. minecraft-launcher</source>
        <translation>имя программы, например minecraft-launcher</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Give a daily budget</source>
        <translation>Задать дневной лимит</translation>
    </message>
    <message>
        <source>Does not count (learning)</source>
        <translation>Не учитывается (учёба)</translation>
    </message>
    <message>
        <source>Running now (click to choose):</source>
        <translation>Запущено сейчас (нажмите, чтобы выбрать):</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Blocked apps</source>
        <translation>Заблокированные приложения</translation>
    </message>
    <message>
        <source>Daily budgets</source>
        <translation>Дневные лимиты</translation>
    </message>
    <message>
        <source>Do not count towards the time</source>
        <translation>Не учитываются во времени</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Приложение</translation>
    </message>
    <message>
        <source>Minutes a day</source>
        <translation>Минут в день</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Type or choose the app&apos;s program name first.</source>
        <translation>Сначала введите или выберите имя программы.</translation>
    </message>
</context>
<context>
    <name>AskDialog</name>
    <message>
        <source>Ask for more time</source>
        <translation>Попросить ещё времени</translation>
    </message>
    <message>
        <source>How much</source>
        <translation>Сколько</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>Зачем (необязательно)</translation>
    </message>
    <message>
        <source>for example: to finish my homework</source>
        <translation>например: чтобы доделать домашнее задание</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Попросить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Sent. A parent will answer soon.</source>
        <translation>Отправлено. Родители скоро ответят.</translation>
    </message>
</context>
<context>
    <name>CategoryGrid</name>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Class {age_class}</source>
        <translation>Класс {age_class}</translation>
    </message>
    <message>
        <source>For this child</source>
        <translation>Для этого ребёнка</translation>
    </message>
    <message>
        <source>as the class</source>
        <translation>как в классе</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>разрешить</translation>
    </message>
    <message>
        <source>block</source>
        <translation>блокировать</translation>
    </message>
    <message>
        <source>Always blocked for everyone; no one can allow it.</source>
        <translation>Всегда заблокировано для всех; разрешить нельзя.</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>разрешено</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>заблокировано</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Protection check</source>
        <translation>Проверка защиты</translation>
    </message>
</context>
<context>
    <name>ChildCard</name>
    <message>
        <source>Time today</source>
        <translation>Время сегодня</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Оповещения</translation>
    </message>
    <message>
        <source>Recent blocks</source>
        <translation>Последние блокировки</translation>
    </message>
    <message>
        <source>{count} waiting for you</source>
        <translation>ждут ответа: {count}</translation>
    </message>
    <message>
        <source>none waiting</source>
        <translation>нет ожидающих</translation>
    </message>
    <message>
        <source>{count} not seen yet</source>
        <translation>{count} ещё не просмотрено</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>ничего нового</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>загрузка…</translation>
    </message>
    <message>
        <source>nothing blocked today</source>
        <translation>сегодня ничего не заблокировано</translation>
    </message>
    <message>
        <source>not tracked yet: screen time is not running in this service</source>
        <translation>пока не учитывается: учёт экранного времени в этой службе не запущен</translation>
    </message>
    <message>
        <source>{used} (no daily limit)</source>
        <translation>{used} (без дневного лимита)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>без ограничений</translation>
    </message>
    <message>
        <source>{used} of {limit}</source>
        <translation>{used} из {limit}</translation>
    </message>
</context>
<context>
    <name>ChildEditingPage</name>
    <message>
        <source>Child:</source>
        <translation>Ребёнок:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>Saved. The filter applies it within seconds.</source>
        <translation>Сохранено. Фильтр применит это через несколько секунд.</translation>
    </message>
</context>
<context>
    <name>ChildEditorPage</name>
    <message>
        <source>Child and web rules</source>
        <translation>Ребёнок и правила интернета</translation>
    </message>
    <message>
        <source>Add a child…</source>
        <translation>Добавить ребёнка…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>About the child</source>
        <translation>О ребёнке</translation>
    </message>
    <message>
        <source>Age class</source>
        <translation>Возрастной класс</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>SafeSearch</source>
        <translation>Безопасный поиск</translation>
    </message>
    <message>
        <source>Only sites on the allow list (whitelist-only)</source>
        <translation>Только сайты из списка разрешённых (белый список)</translation>
    </message>
    <message>
        <source>For young children and exams: every site not on the allow list is blocked.</source>
        <translation>Для маленьких детей и экзаменов: блокируется любой сайт не из списка разрешённых.</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категории</translation>
    </message>
    <message>
        <source>Always allow</source>
        <translation>Всегда разрешать</translation>
    </message>
    <message>
        <source>Always block</source>
        <translation>Всегда блокировать</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выключен</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>умеренный</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>строгий</translation>
    </message>
    <message>
        <source>as the class ({level})</source>
        <translation>как в классе ({level})</translation>
    </message>
    <message>
        <source>Enter the child&apos;s name.</source>
        <translation>Введите имя ребёнка.</translation>
    </message>
    <message>
        <source>There is already a child called {name}.</source>
        <translation>Ребёнок с именем «{name}» уже есть.</translation>
    </message>
    <message>
        <source>Remove {name}? Their rules are deleted; their account is no longer filtered.</source>
        <translation>Удалить профиль «{name}»? Правила будут удалены, а учётная запись больше не будет фильтроваться.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>ChildForm</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Год рождения</translation>
    </message>
    <message>
        <source>Age class</source>
        <translation>Возрастной класс</translation>
    </message>
    <message>
        <source>OS account</source>
        <translation>Учётная запись в системе</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>for example, Aruzhan</source>
        <translation>например, Аружан</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>не указан</translation>
    </message>
    <message>
        <source>the account the child signs in with</source>
        <translation>учётная запись, под которой входит ребёнок</translation>
    </message>
    <message>
        <source>Proposed from the birth year (Law 169-VI); you may choose another class.</source>
        <translation>Предложен по году рождения (Закон 169-VI); можно выбрать другой класс.</translation>
    </message>
</context>
<context>
    <name>ChildrenPage</name>
    <message>
        <source>Children</source>
        <translation>Дети</translation>
    </message>
    <message>
        <source>Add each child who uses this PC. The birth year proposes the age class of Law 169-VI; pick the account the child signs in with.</source>
        <translation>Добавьте каждого ребёнка, который пользуется этим компьютером. По году рождения предлагается возрастной класс по Закону 169-VI; выберите учётную запись, под которой входит ребёнок.</translation>
    </message>
    <message>
        <source>Add this child</source>
        <translation>Добавить этого ребёнка</translation>
    </message>
    <message>
        <source>Enter the child&apos;s name.</source>
        <translation>Введите имя ребёнка.</translation>
    </message>
    <message>
        <source>There is already a child called {name}.</source>
        <translation>Ребёнок с именем «{name}» уже есть.</translation>
    </message>
    <message>
        <source>{name} is added.</source>
        <translation>Добавлен профиль «{name}».</translation>
    </message>
    <message>
        <source>no account</source>
        <translation>нет учётной записи</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Qorgan — parent console</source>
        <translation>Qorgan — панель родителя</translation>
    </message>
    <message>
        <source>The Qorgan service is not reachable. You see what was loaded before, read-only; the console reconnects by itself. Rules still apply while the console is closed.</source>
        <translation>Служба Qorgan недоступна. Показаны ранее загруженные данные, только для просмотра; панель переподключится сама. Правила действуют и при закрытой панели.</translation>
    </message>
    <message>
        <source>The Qorgan service is not reachable, so the PIN cannot be checked. Trying again… (is Qorgan installed and running?)</source>
        <translation>Служба Qorgan недоступна, поэтому PIN-код нельзя проверить. Повторная попытка… (Qorgan установлен и запущен?)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Защита</translation>
    </message>
    <message>
        <source>No children yet. Add a child under Children.</source>
        <translation>Пока нет детей. Добавьте ребёнка в разделе «Дети».</translation>
    </message>
    <message>
        <source>Alerts not seen yet: {count}</source>
        <translation>Непросмотренные оповещения: {count}</translation>
    </message>
    <message>
        <source>Requests waiting: {count}</source>
        <translation>Запросы ждут ответа: {count}</translation>
    </message>
</context>
<context>
    <name>DayTable</name>
    <message>
        <source>{day}, homework time</source>
        <translation>{day}, время для уроков</translation>
    </message>
    <message>
        <source>{where}: “{span}” is not a time span like 16:00-18:00</source>
        <translation>{where}: «{span}» — это не промежуток времени вида 16:00-18:00</translation>
    </message>
    <message>
        <source>{where}: {span} ends before it starts</source>
        <translation>{where}: {span} заканчивается раньше, чем начинается</translation>
    </message>
    <message>
        <source>{where}: {first} and {second} overlap</source>
        <translation>{where}: {first} и {second} пересекаются</translation>
    </message>
    <message>
        <source>Time a day</source>
        <translation>Время в день</translation>
    </message>
    <message>
        <source>Bedtime, until the next morning</source>
        <translation>Время сна, до следующего утра</translation>
    </message>
    <message>
        <source>Homework time: does not count</source>
        <translation>Время для уроков: не считается</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>ограничить</translation>
    </message>
    <message>
        <source>min</source>
        <translation>мин</translation>
    </message>
    <message>
        <source>bedtime</source>
        <translation>сон</translation>
    </message>
    <message>
        <source>e.g. 16:00-18:00</source>
        <translation>например, 16:00-18:00</translation>
    </message>
    <message>
        <source>Spans like 16:00-18:00, separated by commas. Time in them is not counted.</source>
        <translation>Промежутки вида 16:00-18:00 через запятую. Это время не считается.</translation>
    </message>
    <message>
        <source>{day}: bedtime and wake-up time are the same ({time})</source>
        <translation>{day}: время сна и время подъёма совпадают ({time})</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Setting up Qorgan</source>
        <translation>Настройка Qorgan</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Готово</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>Give the group a name, like 7A.</source>
        <translation>Дайте группе название, например 7A.</translation>
    </message>
    <message>
        <source>There is already a group called {name}.</source>
        <translation>Группа {name} уже есть.</translation>
    </message>
    <message>
        <source>Choose the profile the group&apos;s pupils get.</source>
        <translation>Выберите профиль для учеников группы.</translation>
    </message>
    <message>
        <source>Give the group&apos;s accounts, like pupil7a*.</source>
        <translation>Укажите учётные записи группы, например pupil7a*.</translation>
    </message>
    <message>
        <source>Group {group}: the profile {profile} is no longer there.</source>
        <translation>Группа {group}: профиля {profile} больше нет.</translation>
    </message>
    <message>
        <source>The profile {profile} is no longer there.</source>
        <translation>Профиля {profile} больше нет.</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>School groups</source>
        <translation>Школьные группы</translation>
    </message>
    <message>
        <source>In a school lab, a group&apos;s pupil accounts share one profile. A pattern such as pupil7a* matches every account that starts with pupil7a.</source>
        <translation>В школьном компьютерном классе учётные записи учеников группы получают один профиль. Шаблон вида pupil7a* подходит ко всем учётным записям, которые начинаются с pupil7a.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Учётные записи</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>e.g. 7A</source>
        <translation>например, 7A</translation>
    </message>
    <message>
        <source>e.g. pupil7a*, teacher-guest</source>
        <translation>например, pupil7a*, teacher-guest</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>The whole lab</source>
        <translation>Весь компьютерный класс</translation>
    </message>
    <message>
        <source>Other accounts get</source>
        <translation>Остальным учётным записям</translation>
    </message>
    <message>
        <source>Check an account</source>
        <translation>Проверить учётную запись</translation>
    </message>
    <message>
        <source>an account name, e.g. pupil7a12</source>
        <translation>имя учётной записи, например pupil7a12</translation>
    </message>
    <message>
        <source>Exam mode and its timetable come with the school&apos;s signed policy; an admin can also hold it on or off with: qorgan school exam on|off|auto.</source>
        <translation>Режим экзамена и его расписание приходят с подписанной политикой школы; администратор может также включить или выключить его командой: qorgan school exam on|off|auto.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>The rules changed elsewhere; saving keeps both.</source>
        <translation>Правила изменились в другом месте; при сохранении останутся оба изменения.</translation>
    </message>
    <message>
        <source>not filtered (no profile)</source>
        <translation>не фильтруется (без профиля)</translation>
    </message>
    <message>
        <source>Not saved yet: press Save.</source>
        <translation>Ещё не сохранено: нажмите «Сохранить».</translation>
    </message>
    <message>
        <source>{account} is not filtered.</source>
        <translation>{account} не фильтруется.</translation>
    </message>
    <message>
        <source>{account} gets {profile}.</source>
        <translation>{account} получает профиль {profile}.</translation>
    </message>
    <message>
        <source>Saved. The filter applies it within seconds.</source>
        <translation>Сохранено. Фильтр применит это через несколько секунд.</translation>
    </message>
</context>
<context>
    <name>ImportBox</name>
    <message>
        <source>Import a list file</source>
        <translation>Импорт файла списка</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>Guess from the file name (.json, .csv, .tar.gz)</source>
        <translation>Определить по имени файла (.json, .csv, .tar.gz)</translation>
    </message>
    <message>
        <source>Domains, one per line</source>
        <translation>Домены, по одному в строке</translation>
    </message>
    <message>
        <source>Hosts file</source>
        <translation>Файл hosts</translation>
    </message>
    <message>
        <source>Adblock filters</source>
        <translation>Фильтры Adblock</translation>
    </message>
    <message>
        <source>National blocklist</source>
        <translation>Национальный список блокировки</translation>
    </message>
    <message>
        <source>UT1 blacklists</source>
        <translation>Чёрные списки UT1</translation>
    </message>
    <message>
        <source>Registry dump (CSV)</source>
        <translation>Выгрузка реестра (CSV)</translation>
    </message>
    <message>
        <source>Category of its sites:</source>
        <translation>Категория сайтов:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выберите…</translation>
    </message>
    <message>
        <source>Choose the file and import…</source>
        <translation>Выбрать файл и импортировать…</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to Qorgan</source>
        <translation>Добро пожаловать в Qorgan</translation>
    </message>
    <message>
        <source>Qorgan keeps your child&apos;s time on this PC safe: it filters websites by the child&apos;s age class, limits screen time and shows you what was blocked and why. Nothing about your child leaves this PC.

Choose the language of the console:</source>
        <translation>Qorgan делает время ребёнка за этим компьютером безопасным: фильтрует сайты по возрастному классу ребёнка, ограничивает экранное время и показывает, что было заблокировано и почему. Никакие данные о ребёнке не покидают этот компьютер.

Выберите язык панели:</translation>
    </message>
</context>
<context>
    <name>ListJobs</name>
    <message>
        <source>National list</source>
        <translation>Национальный список</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Домены</translation>
    </message>
    <message>
        <source>Hosts file</source>
        <translation>Файл hosts</translation>
    </message>
    <message>
        <source>Adblock filters</source>
        <translation>Фильтры Adblock</translation>
    </message>
    <message>
        <source>UT1</source>
        <translation>UT1</translation>
    </message>
    <message>
        <source>Registry dump</source>
        <translation>Выгрузка реестра</translation>
    </message>
    <message>
        <source>Signature checked</source>
        <translation>Подпись проверена</translation>
    </message>
    <message>
        <source>Checksum checked</source>
        <translation>Контрольная сумма проверена</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Без подписи</translation>
    </message>
    <message>
        <source>{name}: not updated: {error}</source>
        <translation>{name}: не обновлён: {error}</translation>
    </message>
    <message>
        <source>{name}: {entries} entries.</source>
        <translation>{name}: записей: {entries}.</translation>
    </message>
    <message>
        <source>{name}: {accepted} accepted, {invalid} invalid lines.</source>
        <translation>{name}: принято {accepted}, ошибочных строк: {invalid}.</translation>
    </message>
    <message>
        <source>{name}: removed.</source>
        <translation>{name}: удалён.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Не удалось.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Готово.</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>Lists</source>
        <translation>Списки</translation>
    </message>
    <message>
        <source>National blocklist (Article 41-1, Law on Communications)</source>
        <translation>Национальный список блокировки (статья 41-1 Закона «О связи»)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Издатель</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Дата публикации</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Записей</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортирован</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Sites on this list are blocked for everyone; a parent cannot allow them.</source>
        <translation>Сайты из этого списка заблокированы для всех; родитель не может их разрешить.</translation>
    </message>
    <message>
        <source>List sources</source>
        <translation>Источники списков</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Обновлён</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Update now</source>
        <translation>Обновить сейчас</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>The national list cannot be removed, not even with the PIN: import a newer signed list to replace it.</source>
        <translation>Национальный список нельзя удалить даже с PIN-кодом: чтобы заменить его, импортируйте более новый подписанный список.</translation>
    </message>
    <message>
        <source>Remove the list source {name}? The filter stops using its sites; the other lists stay in force.</source>
        <translation>Удалить источник списков {name}? Фильтр перестанет использовать его сайты; остальные списки остаются в силе.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Removing {name}…</source>
        <translation>Удаление {name}…</translation>
    </message>
    <message>
        <source>Choose the category that the list&apos;s sites belong to.</source>
        <translation>Выберите категорию, к которой относятся сайты списка.</translation>
    </message>
    <message>
        <source>Say what kind of list {file} is, and choose its category.</source>
        <translation>Укажите, какой это список ({file}), и выберите его категорию.</translation>
    </message>
    <message>
        <source>There are no list sources to update.</source>
        <translation>Нет источников списков для обновления.</translation>
    </message>
    <message>
        <source>Queued. The service starts on it within seconds…</source>
        <translation>В очереди. Служба начнёт через несколько секунд…</translation>
    </message>
    <message>
        <source>Running now…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <source>Still not finished; the status above shows when it is.</source>
        <translation>Ещё не закончено; когда закончится, это будет видно выше.</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>не импортирован</translation>
    </message>
    <message>
        <source>In force: {entries} entries, built {built}.</source>
        <translation>Действует: записей {entries}, собрано {built}.</translation>
    </message>
    <message>
        <source>Waiting to run: {count}.</source>
        <translation>Ожидают выполнения: {count}.</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <source>done</source>
        <translation>завершено</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>не удалось</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>прервано</translation>
    </message>
    <message>
        <source>Last update: {state}, {time}.</source>
        <translation>Последнее обновление: {state}, {time}.</translation>
    </message>
    <message>
        <source>List status is not available from this service yet. The filter uses the starter lists that come with Qorgan.</source>
        <translation>Эта служба пока не сообщает состояние списков. Фильтр использует стартовые списки, поставляемые с Qorgan.</translation>
    </message>
    <message>
        <source>No list sources are set up; the starter lists are in use.</source>
        <translation>Источники списков не настроены; используются стартовые списки.</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Обновление…</translation>
    </message>
    <message>
        <source>Import a list</source>
        <translation>Импорт списка</translation>
    </message>
    <message>
        <source>Lists (*.json *.txt *.csv);;All files (*)</source>
        <translation>Списки (*.json *.txt *.csv);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Qorgan parent console</source>
        <translation>Панель родителя Qorgan</translation>
    </message>
    <message>
        <source>Enter the parent PIN to open the console.</source>
        <translation>Введите PIN-код родителя, чтобы открыть панель.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>The console locked itself after a while without use.</source>
        <translation>Панель заблокировалась сама после простоя.</translation>
    </message>
    <message>
        <source>The session ended; enter the PIN again.</source>
        <translation>Сеанс завершён; введите PIN-код снова.</translation>
    </message>
    <message>
        <source>Wrong PIN ({tries} in a row). After 5 wrong tries the PIN locks for a minute, and longer after each further wrong try.</source>
        <translation>Неверный PIN-код (подряд: {tries}). После 5 неверных попыток PIN-код блокируется на минуту, а после каждой следующей — дольше.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Locked until {time} ({seconds} s left).</source>
        <translation>Слишком много неверных PIN-кодов. Заблокировано до {time} (осталось {seconds} с).</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <source>Home or school</source>
        <translation>Дом или школа</translation>
    </message>
    <message>
        <source>Home: a family PC</source>
        <translation>Дом: семейный компьютер</translation>
    </message>
    <message>
        <source>Each child has a profile of their own.</source>
        <translation>У каждого ребёнка свой профиль.</translation>
    </message>
    <message>
        <source>School: a computer lab</source>
        <translation>Школа: компьютерный класс</translation>
    </message>
    <message>
        <source>Pupils&apos; accounts share class profiles; exam mode allows chosen sites only.</source>
        <translation>Учётные записи учеников используют общие профили классов; в режиме экзамена открываются только выбранные сайты.</translation>
    </message>
</context>
<context>
    <name>OpenPortsBox</name>
    <message>
        <source>Open ports</source>
        <translation>Открытые порты</translation>
    </message>
    <message>
        <source>Everything but web and DNS is refused for the children; a port opened here goes out directly, not through the filter.</source>
        <translation>Детям закрыто всё, кроме веба и DNS; открытый здесь порт выходит напрямую, минуя фильтр.</translation>
    </message>
    <message>
        <source>e.g. 25565/tcp or 27015-27030/udp</source>
        <translation>например, 25565/tcp или 27015-27030/udp</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>write it as PORT/tcp, PORT/udp or FIRST-LAST/tcp</source>
        <translation>пишите ПОРТ/tcp, ПОРТ/udp или ПЕРВЫЙ-ПОСЛЕДНИЙ/tcp</translation>
    </message>
    <message>
        <source>ports go from 1 to 65535, the first no higher than the last</source>
        <translation>порты от 1 до 65535, первый не больше последнего</translation>
    </message>
    <message>
        <source>53, 80, 443 and 853 are the proxy&apos;s (web and DNS go through it)</source>
        <translation>53, 80, 443 и 853 принадлежат прокси (веб и DNS идут через него)</translation>
    </message>
    <message>
        <source>Opened {port}.</source>
        <translation>Открыт: {port}.</translation>
    </message>
    <message>
        <source>Port closed.</source>
        <translation>Порт закрыт.</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Parent PIN</source>
        <translation>PIN-код родителя</translation>
    </message>
    <message>
        <source>Choose a PIN of at least 4 characters. You will need it to open the console and to approve your child&apos;s requests. Do not tell it to your child.</source>
        <translation>Придумайте PIN-код не короче 4 символов. Он нужен, чтобы открывать панель и одобрять просьбы ребёнка. Не сообщайте его ребёнку.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <source>the same PIN again</source>
        <translation>повторите PIN-код</translation>
    </message>
    <message>
        <source>The PIN needs at least 4 characters.</source>
        <translation>PIN-код должен содержать не меньше 4 символов.</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>PIN-коды не совпадают.</translation>
    </message>
    <message>
        <source>Saving the PIN…</source>
        <translation>Сохранение PIN-кода…</translation>
    </message>
    <message>
        <source>The service gave no session.</source>
        <translation>Служба не открыла сеанс.</translation>
    </message>
    <message>
        <source>The PIN is set.</source>
        <translation>PIN-код установлен.</translation>
    </message>
</context>
<context>
    <name>ProtectionReport</name>
    <message>
        <source>Qorgan service</source>
        <translation>Служба Qorgan</translation>
    </message>
    <message>
        <source>Certificate for HTTPS filtering</source>
        <translation>Сертификат для фильтрации HTTPS</translation>
    </message>
    <message>
        <source>Firewall redirection</source>
        <translation>Перенаправление брандмауэром</translation>
    </message>
    <message>
        <source>National blocklist</source>
        <translation>Национальный список блокировки</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>проверка…</translation>
    </message>
    <message>
        <source>unknown while the service is not reachable</source>
        <translation>неизвестно, пока служба недоступна</translation>
    </message>
    <message>
        <source>running (demo mode, as your user)</source>
        <translation>работает (демо-режим, от имени вашего пользователя)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>работает</translation>
    </message>
    <message>
        <source>created on this PC</source>
        <translation>создан на этом компьютере</translation>
    </message>
    <message>
        <source>missing: HTTPS sites cannot show the block page</source>
        <translation>отсутствует: на HTTPS-сайтах не показывается страница блокировки</translation>
    </message>
    <message>
        <source>demo mode: not applicable</source>
        <translation>демо-режим: не применяется</translation>
    </message>
    <message>
        <source>not keeping up: its last sign of life is old</source>
        <translation>не отвечает: последний сигнал давно</translation>
    </message>
    <message>
        <source>running, but the filter is down</source>
        <translation>работает, но фильтр остановлен</translation>
    </message>
    <message>
        <source>active</source>
        <translation>включено</translation>
    </message>
    <message>
        <source>version {version}, {entries} entries</source>
        <translation>версия {version}, записей: {entries}</translation>
    </message>
    <message>
        <source>not checked by this version</source>
        <translation>эта версия не проверяет</translation>
    </message>
    <message>
        <source>failed: {error}</source>
        <translation>ошибка: {error}</translation>
    </message>
    <message>
        <source>not in place: the child&apos;s traffic is not filtered</source>
        <translation>не настроено: трафик ребёнка не фильтруется</translation>
    </message>
    <message>
        <source>trusted by the system and the browsers</source>
        <translation>принят системой и браузерами</translation>
    </message>
    <message>
        <source>could not be installed: {error}</source>
        <translation>не удалось установить: {error}</translation>
    </message>
    <message>
        <source>being installed…</source>
        <translation>устанавливается…</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>не импортирован</translation>
    </message>
    <message>
        <source>cannot be read: {error}</source>
        <translation>не удаётся прочитать: {error}</translation>
    </message>
    <message>
        <source>version {version} from {publisher}, {entries} entries</source>
        <translation>версия {version} от {publisher}, записей: {entries}</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <source>Weekly reports are not available from this service yet.</source>
        <translation>Эта служба пока не предоставляет еженедельные отчёты.</translation>
    </message>
    <message>
        <source>No reports yet. Qorgan writes one every week.</source>
        <translation>Отчётов пока нет. Qorgan составляет отчёт каждую неделю.</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>Не удалось сохранить: {error}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Сохранить отчёт</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Show answered requests too</source>
        <translation>Показывать и отвеченные запросы</translation>
    </message>
    <message>
        <source>No requests. When a child asks for more time or a site, it shows here.</source>
        <translation>Запросов нет. Когда ребёнок попросит ещё времени или доступ к сайту, запрос появится здесь.</translation>
    </message>
    <message>
        <source>Allow a site for:</source>
        <translation>Разрешить сайт на:</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Одобрить</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Что просит</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>site {host}</source>
        <translation>сайт {host}</translation>
    </message>
    <message>
        <source>{time} more</source>
        <translation>ещё {time}</translation>
    </message>
    <message>
        <source>more time</source>
        <translation>ещё времени</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>одобрен</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Одобрено.</translation>
    </message>
    <message>
        <source>Declined.</source>
        <translation>Отклонено.</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Schedule and time limits</source>
        <translation>Расписание и ограничения времени</translation>
    </message>
    <message>
        <source>Allowed hours</source>
        <translation>Разрешённые часы</translation>
    </message>
    <message>
        <source>Allow all</source>
        <translation>Разрешить всё</translation>
    </message>
    <message>
        <source>Close all</source>
        <translation>Закрыть всё</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Вс</translation>
    </message>
    <message>
        <source>min</source>
        <translation>мин</translation>
    </message>
    <message>
        <source>Daily budget per category (0: no budget)</source>
        <translation>Дневной лимит по категориям (0 — без лимита)</translation>
    </message>
    <message>
        <source>the PC may be used</source>
        <translation>компьютером можно пользоваться</translation>
    </message>
    <message>
        <source>homework time, not counted</source>
        <translation>время для уроков, не считается</translation>
    </message>
    <message>
        <source>bedtime</source>
        <translation>время сна</translation>
    </message>
    <message>
        <source>Click or drag over half-hours to open or close them.</source>
        <translation>Щёлкните или проведите мышью по получасам, чтобы открыть или закрыть их.</translation>
    </message>
    <message>
        <source>Each day</source>
        <translation>По дням</translation>
    </message>
    <message>
        <source>Budgets per category</source>
        <translation>Лимиты по категориям</translation>
    </message>
    <message>
        <source>Budgets for single apps, and apps that do not count, are set under Apps.</source>
        <translation>Лимиты отдельных приложений и приложения, которые не учитываются, настраиваются в разделе «Приложения».</translation>
    </message>
</context>
<context>
    <name>ScreenTime</name>
    <message>
        <source>may use the PC</source>
        <translation>может пользоваться компьютером</translation>
    </message>
    <message>
        <source>using the PC</source>
        <translation>за компьютером</translation>
    </message>
    <message>
        <source>not using the PC</source>
        <translation>не за компьютером</translation>
    </message>
    <message>
        <source>today&apos;s time is used up</source>
        <translation>время на сегодня закончилось</translation>
    </message>
    <message>
        <source>bedtime</source>
        <translation>время сна</translation>
    </message>
    <message>
        <source>outside the allowed hours</source>
        <translation>вне разрешённых часов</translation>
    </message>
    <message>
        <source>the session is locked</source>
        <translation>сеанс заблокирован</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Keep history for</source>
        <translation>Хранить историю</translation>
    </message>
    <message>
        <source>Lock the console after</source>
        <translation>Блокировать панель через</translation>
    </message>
    <message>
        <source>days</source>
        <translation>дн.</translation>
    </message>
    <message>
        <source>min without use</source>
        <translation>мин простоя</translation>
    </message>
    <message>
        <source>Weekly report by e-mail</source>
        <translation>Еженедельный отчёт по электронной почте</translation>
    </message>
    <message>
        <source>Send the weekly report by e-mail</source>
        <translation>Отправлять еженедельный отчёт по электронной почте</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>From</source>
        <translation>От кого</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP-сервер</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Защита</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>parent@example.kz</source>
        <translation>parent@example.kz</translation>
    </message>
    <message>
        <source>kept in the system keyring, not in Qorgan&apos;s data</source>
        <translation>хранится в системном хранилище ключей, а не в данных Qorgan</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Сохранить настройки</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Настройки сохранены.</translation>
    </message>
</context>
<context>
    <name>SiteListEditor</name>
    <message>
        <source>a site, e.g. bilimland.kz or 10.0.0.0/8</source>
        <translation>сайт, например bilimland.kz или 10.0.0.0/8</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Not a site the filter can read: {error}</source>
        <translation>Фильтр не может распознать эту запись как сайт: {error}</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} ч {minutes} мин</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} ч</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <source>dd.MM.yyyy HH:mm</source>
        <translation>dd.MM.yyyy HH:mm</translation>
    </message>
    <message>
        <source>The Qorgan service is not reachable. Nothing can be saved until it is back.</source>
        <translation>Служба Qorgan недоступна. Пока она не вернётся, ничего нельзя сохранить.</translation>
    </message>
    <message>
        <source>This Qorgan service cannot do this yet.</source>
        <translation>Эта версия службы Qorgan пока этого не умеет.</translation>
    </message>
    <message>
        <source>Enter the parent PIN again.</source>
        <translation>Введите PIN-код родителя ещё раз.</translation>
    </message>
    <message>
        <source>The PIN is locked for now after too many wrong tries.</source>
        <translation>PIN-код временно заблокирован: слишком много неверных попыток.</translation>
    </message>
    <message>
        <source>The service refused this: {detail}</source>
        <translation>Служба отклонила это: {detail}</translation>
    </message>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>Что-то пошло не так: {detail}</translation>
    </message>
</context>
<context>
    <name>TrayModel</name>
    <message>
        <source>Asking for a site is not available on this PC yet. Ask a parent in person.</source>
        <translation>На этом компьютере пока нельзя попросить сайт. Попроси родителей сам(а).</translation>
    </message>
    <message>
        <source>Asking for time is not available on this PC yet. Ask a parent in person.</source>
        <translation>На этом компьютере пока нельзя попросить время. Спроси у родителей лично.</translation>
    </message>
    <message>
        <source>Qorgan does not supervise this account, so there is no one to ask.</source>
        <translation>Qorgan не следит за этой учётной записью, поэтому просить не у кого.</translation>
    </message>
</context>
<context>
    <name>TrayPanel</name>
    <message>
        <source>Qorgan&apos;s service is not reachable right now.</source>
        <translation>Служба Qorgan сейчас недоступна.</translation>
    </message>
    <message>
        <source>Screen time is not counted on this PC yet.</source>
        <translation>На этом компьютере экранное время пока не считается.</translation>
    </message>
    <message>
        <source>Checking your time…</source>
        <translation>Проверяем твоё время…</translation>
    </message>
    <message>
        <source>Qorgan does not supervise this account.</source>
        <translation>Qorgan не следит за этой учётной записью.</translation>
    </message>
    <message>
        <source>No time limit today.</source>
        <translation>Сегодня время не ограничено.</translation>
    </message>
    <message>
        <source>Time left today: {time}</source>
        <translation>Осталось на сегодня: {time}</translation>
    </message>
    <message>
        <source>Qorgan</source>
        <translation>Qorgan</translation>
    </message>
    <message>
        <source>Qorgan is on</source>
        <translation>Qorgan включён</translation>
    </message>
    <message>
        <source>Now: {state}</source>
        <translation>Сейчас: {state}</translation>
    </message>
    <message>
        <source>Ask for more time…</source>
        <translation>Попросить ещё времени…</translation>
    </message>
    <message>
        <source>What Qorgan does</source>
        <translation>Что делает Qorgan</translation>
    </message>
    <message>
        <source>Ask a parent</source>
        <translation>Попросить родителей</translation>
    </message>
    <message>
        <source>Your computer time for today is over.</source>
        <translation>Твоё время за компьютером на сегодня закончилось.</translation>
    </message>
    <message>
        <source>{time} of computer time left today. Save your work.</source>
        <translation>На сегодня за компьютером осталось {time}. Сохрани свою работу.</translation>
    </message>
    <message>
        <source>{host} is blocked.</source>
        <translation>{host} закрыт.</translation>
    </message>
    <message>
        <source>{host} is blocked: {category}.</source>
        <translation>{host} закрыт: {category}.</translation>
    </message>
    <message>
        <source>You can ask a parent.</source>
        <translation>Можешь попросить родителей.</translation>
    </message>
    <message>
        <source>This site stays closed.</source>
        <translation>Этот сайт останется закрытым.</translation>
    </message>
    <message>
        <source>If you feel bad, you can call 150 at any time: it is free, they listen.</source>
        <translation>Если тебе плохо, можно в любое время позвонить на 150: это бесплатно, тебя выслушают.</translation>
    </message>
    <message>
        <source>A parent will see that you asked for {host}.</source>
        <translation>Родители увидят, что ты попросил(а) {host}.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Дети</translation>
    </message>
    <message>
        <source>School groups</source>
        <translation>Школьные группы</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Приложения</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Списки</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Активность</translation>
    </message>
    <message>
        <source>Requests ({count})</source>
        <translation>Запросы ({count})</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Lock the console</source>
        <translation>Заблокировать панель</translation>
    </message>
</context>
</TS>
