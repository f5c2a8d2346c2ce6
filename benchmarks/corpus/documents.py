"""The corpus's documents: Arabic texts written for Qari, in the layouts reports use.

A document is a list of blocks; every producer renders the same blocks, and the ground
truth is the text a reader reads, in reading order (``ground_truth``). One page each, so
that footnotes come after the body on every producer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# -- texts (written for this corpus) -----------------------------------------------------------
WATER = ("يعتمد سكان القرى الجبلية على الآبار القديمة في الحصول على مياه الشرب، وقد تراجع "
         "منسوبها خلال السنوات الأخيرة بسبب قلة الأمطار وكثرة الضخ.")
COUNCIL = ("وتعمل المجالس المحلية مع الفرق الفنية على إصلاح الشبكات المتضررة، غير أن نقص "
           "التمويل يؤخر كثيرا من الأعمال المخطط لها منذ العام الماضي.")
PLAN = ("ويقترح هذا التقرير خطة من ثلاث مراحل تبدأ بحصر المصادر المتاحة ثم صيانتها ثم بناء "
        "خزانات جديدة في المواقع الأكثر حاجة.")
SCHOOL = ("وفي قطاع التعليم، عادت المدارس إلى العمل بعد انقطاع دام أشهرا، لكن الصفوف ما زالت "
          "مكتظة والكتب لا تكفي جميع الطلاب.")
HEALTH = ("أما المراكز الصحية فتستقبل أعدادا متزايدة من المرضى، ويشكو العاملون فيها من نقص "
          "الأدوية والأجهزة وانقطاع الكهرباء ساعات طويلة.")
MARKET = ("وارتفعت أسعار السلع الأساسية في الأسواق المحلية، فصارت الأسر تنفق نصف دخلها على "
          "الخبز والوقود.")
NUMBERS = ("بلغ عدد الأسر المستفيدة ٤٬٣٠٠ أسرة في عام ٢٠٢٤، أي ما يعادل ٤٥٪ من السكان، "
           "ويمكن التواصل مع الفريق على الرقم 0933 456 789.")
ENGLISH = ("The survey covered twelve villages and was carried out by local teams between "
           "March and May.")
NOTE_1 = "١ أجري المسح الميداني في اثنتي عشرة قرية."
NOTE_2 = "٢ الأرقام تقريبية ومصدرها سجلات المجالس المحلية."
# Fully vocalized (harakat, shadda, tanween, sukun on every word): producers place marks
# each their own way, and a mark read on the wrong letter changes the word.
VOWELLED = ("قَالَ الْمُعَلِّمُ لِطُلَّابِهِ: إِنَّ الْمَاءَ سِرُّ الْحَيَاةِ، فَلَا تُسْرِفُوا فِيهِ "
            "وَلَوْ كُنْتُمْ عَلَى نَهْرٍ جَارٍ. ثُمَّ كَتَبَ عَلَى اللَّوْحِ دَرْسًا قَصِيرًا عَنْ "
            "حِفْظِ الْمِيَاهِ، وَطَلَبَ مِنْ كُلِّ طَالِبٍ أَنْ يَقْرَأَهُ مَرَّتَيْنِ.")
VOWELLED_2 = ("وَفِي الْمَسَاءِ اجْتَمَعَ أَهْلُ الْقَرْيَةِ حَوْلَ الْبِئْرِ الْجَدِيدَةِ، "
              "فَشَكَرُوا الْعُمَّالَ عَلَى جُهْدِهِمْ، وَوَعَدُوا بِأَنْ يُحَافِظُوا عَلَيْهَا "
              "جِيلًا بَعْدَ جِيلٍ، لِأَنَّ الْخَيْرَ الَّذِي يُؤْخَذُ بِالتَّعَبِ لَا يُضَيَّعُ.")
# Words reports use every day whose letters producers draw with ligatures (an alef before
# a lam-alef: الاجتماع; a lam before one: للإسكان; لله), and what runs left to right inside
# an Arabic sentence: addresses, dates, times, signed numbers, codes, acronyms.
AFFAIRS = ("عقد الاجتماع الاقتصادي الأول لمناقشة الاستثمار والإدارة، ولا يزال الاتحاد يبحث "
           "الإصلاح، وقالت اللجنة إن الالتزام بالأهداف الإنمائية لا بد منه للإسكان والأمان "
           "والحمد لله على ما تحقق.")
ADDRESSES = ("للمزيد زوروا الموقع www.example.org أو راسلونا على info@example.org، وقد عقد "
             "الاجتماع في 2024/05/12 الساعة 10:30، وانخفضت الحرارة إلى -5 درجات، وصدر "
             "التقرير رقم 12-أ عن منظمة UNICEF (انظر الجدول 3).")
# Quantities, names and versions inside Arabic sentences: a unit after its number, a name
# before one, a number after a name ending in digits; a right-to-left line draws both
# orders alike, and each producer's bidi draws them its own way.
MEASURES = ("تبعد القرية 12 km عن المدينة، ويحتاج خزانها الجديد بسعة 500 m3 إلى مضخة "
            "قدرتها 5 kW تعمل بالطاقة الشمسية، وقد بلغت كلفته $2.5 million تقريبا.")
VERSIONS = ("وسجل الفريق في الربع الثالث (Q3 2024) انخفاض الحرارة إلى -5°C ليلا، واعتمد "
            "برنامج Excel 2019 ومعيار ISO 9001 في إدارة البيانات.")
# Dates both Hijri and Gregorian (a year glued to its letter: ١٤٤٥هـ), a range with an en
# dash, a decimal comma (٦٢٫٥٪), a ratio, a bracketed reference, guillemets and a dash
# (mirrored and neutral marks a right-to-left line draws turned), the Arabic question mark
# and semicolon, and Western digits glued to a letter (و7) or in a list's numbers.
DATES = ("صدر التقرير في ١٥ رمضان ١٤٤٥هـ الموافق ٢٥ آذار/مارس ٢٠٢٤م، وغطى الفترة "
         "٢٠٢٠–٢٠٢٤؛ فهل تحسنت الخدمات خلالها؟ يجيب الفصل الثالث عن ذلك بالأرقام [٤].")
QUOTES = ("وقالت منظمة الصحة العالمية (WHO) إن «الماء النظيف حق للجميع»، وهو ما يؤكده المسح "
          "— إذ ارتفعت نسبة التغطية إلى ٦٢٫٥٪ بعد أن كانت ٤٨٫٣٪، وصارت نسبة الخزانات إلى "
          "الآبار ١:٣ تقريبا.")
RELIEF = ("ووزعت الفرق 1,250 سلة غذائية بين 3 و7 أيار/مايو 2024، وبلغت كلفة المرحلة 2 من "
          "أصل 3 مراحل نحو 12.5 ألف دولار.")
STEPS = ["1- مراجعة سجلات الآبار في كل قرية.", "2- زيارة القرى النائية مرتين في الشهر.",
         "3- إعداد التقرير النهائي قبل نهاية العام."]
VERSES = [("إذا الماء في الوادي تأخر جريه", "صبرنا وقلنا إن في الصبر منجاة"),
          ("وما القرية الصغرى بغير رجالها", "إذا اجتمعوا كانوا لها الحصن والقوة")]
LIST_ITEMS = ["أ. حصر الآبار العاملة والمتوقفة.", "ب. صيانة المضخات والأنابيب.",
              "ج. بناء خزانات في القرى البعيدة."]
TABLE = [["المنطقة", "عدد القرى", "عدد الأسر"], ["الشمال", "٥", "١٬٢٠٠"],
         ["الوسط", "٤", "١٬٨٠٠"], ["الجنوب", "٣", "١٬٣٠٠"]]


@dataclass
class Block:
    kind: str  # heading, paragraph, list, table, verse, note, english
    text: str = ""
    items: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    spans: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, col): rowspan
    pairs: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Document:
    name: str
    layout: str  # one, columns2, columns3, sidebar: how the body is placed
    blocks: list[Block]
    sidebar: list[Block] = field(default_factory=list)  # a framed box (layout sidebar)
    notes: list[str] = field(default_factory=list)
    # Paragraphs justified: stretched with kashida (tatweel) where the producer does that
    # for Arabic (LibreOffice, Qt, LuaLaTeX's babel), with wider word gaps elsewhere.
    justify: bool = False
    # Layout turned: these blocks set a quarter turn on the page (a wide table laid along
    # the page's length) after the body's first two blocks; and a watermark drawn at an
    # angle across the page, which a reader does not read.
    turned: list[Block] = field(default_factory=list)
    watermark: str = ""


def heading(text: str) -> Block:
    return Block("heading", text)


def para(text: str) -> Block:
    return Block("paragraph", text)


DOCUMENTS = [
    Document("prose", "one", [heading("المياه في القرى الجبلية"), para(WATER), para(COUNCIL),
                              para(PLAN)]),
    Document("notes", "one", [heading("ملاحظات المسح"), para(WATER.replace("الأمطار", "الأمطار١")),
                              para(COUNCIL.replace("الماضي.", "الماضي.٢"))],
             notes=[NOTE_1, NOTE_2]),
    Document("columns2", "columns2", [heading("التعليم والصحة"), para(SCHOOL), para(HEALTH),
                                      para(MARKET), para(WATER)]),
    Document("columns3", "columns3", [heading("تقرير المتابعة"), para(SCHOOL), para(HEALTH),
                                      para(PLAN)]),
    Document("sidebar", "sidebar", [heading("الخدمات الأساسية"), para(HEALTH), para(MARKET)],
             sidebar=[para("إطار: " + PLAN)]),
    Document("lists", "one", [heading("خطوات العمل"), para(PLAN), Block("list", items=LIST_ITEMS)]),
    Document("table", "one", [heading("توزيع الأسر"), Block("table", rows=TABLE)]),
    Document("merged", "one", [heading("جدول بخلايا مدمجة"),
                               Block("table", rows=[["الشمال", "الآبار", "١٢"],
                                                    ["", "الخزانات", "٤"],
                                                    ["الجنوب", "الآبار", "٩"]],
                                     spans={(0, 0): 2})]),
    Document("verse", "one", [heading("من الشعر"), Block("verse", pairs=VERSES), para(MARKET)]),
    Document("vowelled", "one", [heading("دَرْسٌ فِي الْمَاءِ"), para(VOWELLED), para(VOWELLED_2)]),
    Document("numbers", "one", [heading("أرقام وعناوين"), para(NUMBERS),
                                Block("english", ENGLISH), para(COUNCIL)]),
    Document("justified", "one", [heading("أحوال القرى"), para(f"{WATER} {COUNCIL} {PLAN}"),
                                  para(f"{SCHOOL} {HEALTH} {MARKET}")], justify=True),
    Document("affairs", "one", [heading("الاجتماع الأول للإسكان"), para(AFFAIRS),
                                para(ADDRESSES)]),
    Document("measures", "one", [heading("قياسات وإصدارات"), para(MEASURES), para(VERSIONS),
                                 para(MARKET)]),
    Document("dates", "one", [heading("2.3 نتائج الجولة الثانية"), para(DATES), para(QUOTES),
                              para(RELIEF), Block("list", items=STEPS)]),
    Document("turned", "turned", [heading("توزيع الأسر في المناطق"), para(WATER), para(PLAN)],
             turned=[para(SCHOOL), Block("table", rows=TABLE)], watermark="مسودة للنقاش"),
]


_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# A Latin word (m3 and Q3 too): the TeX producers set it in the Latin font, where babel's
# mapdigits maps no digit.
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.@\-]*[A-Za-z0-9]")


def _indic(text: str) -> str:
    """The digits of Arabic text as Arabic-Indic ones, those of Latin words as they are."""
    out, start = [], 0
    for word in LATIN_WORD.finditer(text):
        out += [text[start:word.start()].translate(_INDIC), word.group()]
        start = word.end()
    return "".join([*out, text[start:].translate(_INDIC)])


def ground_truth(document: Document, indic_digits: bool = False) -> str:
    """What a reader reads: one line per paragraph, heading, list item, table row (its cells
    right to left; a cell spanning rows with the first of them) and verse (both halves);
    the framed box after the body beside it; footnotes last. ``indic_digits``: the
    producer prints the digits of Arabic text as Arabic-Indic ones (babel's mapdigits)."""
    lines: list[str] = []

    def add(blocks: list[Block]) -> None:
        for block in blocks:
            if indic_digits and block.kind != "english":
                block = Block(block.kind, _indic(block.text), [_indic(i) for i in block.items],
                              [[_indic(c) for c in row] for row in block.rows],
                              block.spans, [(_indic(a), _indic(b)) for a, b in block.pairs])
            if block.kind == "list":
                lines.extend(block.items)
            elif block.kind == "table":
                lines.extend(" ".join(cell for cell in row if cell) for row in block.rows)
            elif block.kind == "verse":
                lines.extend(f"{a} {b}" for a, b in block.pairs)
            else:
                lines.append(block.text)

    if document.turned:  # where the page shows it: between the body's first blocks and the rest
        add(document.blocks[:2])
        add(document.turned)
        add(document.blocks[2:])
    else:
        add(document.blocks)
    add(document.sidebar)
    lines.extend(_indic(n) if indic_digits else n for n in document.notes)
    return "\n".join(lines) + "\n"
