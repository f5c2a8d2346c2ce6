"""Build the bundled sample report: resources/samples/qari-sample-report.pdf.

The report is an original text written for Qari (a fictional NGO, fictional figures). It
exercises what translators meet in real reports: a title page, headings, justified
paragraphs, footnotes with superscript calls under a rule, a running header, page numbers,
numbers, dates and Latin acronyms inside Arabic sentences, a table and a two-column page.

Run: python scripts/build_sample.py  (needs only PyMuPDF and the bundled fonts)
"""

from __future__ import annotations

import sys
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
OUT = ROOT / "resources" / "samples" / "qari-sample-report.pdf"

WIDTH, HEIGHT = pymupdf.paper_size("a4")
MARGIN = 56.0
HEADER = "مبادرة نبع: تقرير الوصول إلى مياه الشرب في القرى الجبلية 2025"

CSS = """
@font-face { font-family: naskh; src: url(NotoNaskhArabic-Regular.ttf); }
@font-face { font-family: naskh; font-weight: bold; src: url(NotoNaskhArabic-Bold.ttf); }
* { font-family: naskh; }
body { direction: rtl; text-align: justify; font-size: 11.5pt; line-height: 1.45; }
h1 { font-size: 22pt; font-weight: bold; text-align: center; margin: 0 0 8pt 0; }
h2 { font-size: 15pt; font-weight: bold; margin: 10pt 0 4pt 0; }
h3 { font-size: 12.5pt; font-weight: bold; margin: 8pt 0 3pt 0; }
p { margin: 0 0 6pt 0; }
.center { text-align: center; }
.subtitle { font-size: 14pt; text-align: center; }
.small { font-size: 9pt; }
.notes { font-size: 8.5pt; line-height: 1.3; text-align: right; }
.header { font-size: 8.5pt; text-align: center; color: #555555; }
.pageno { font-size: 9pt; text-align: center; color: #333333; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 0.6pt solid #444444; padding: 3pt 5pt; font-size: 10.5pt; text-align: center; }
th { font-weight: bold; background-color: #e8eef3; }
.item { margin: 0 18pt 4pt 0; }
"""

TITLE_PAGE = """
<div dir="rtl">
<p class="center small">مبادرة نبع للتنمية المجتمعية</p>
<p class="center small">سلسلة التقارير الميدانية، العدد 7</p>
<br/><br/><br/>
<h1>الوصول إلى مياه الشرب في القرى الجبلية</h1>
<p class="subtitle">تقرير ميداني عن الفترة من كانون الثاني/يناير إلى حزيران/يونيو 2025</p>
<br/><br/>
<h2>ملخص تنفيذي</h2>
<p>يعرض هذا التقرير نتائج مسح ميداني أجراه فريق مبادرة نبع في ثلاث وعشرين قرية جبلية،
شمل 1,840 أسرة يعيش فيها نحو 9,600 شخص. وقد تبيّن أن أربع أسر من كل عشر تعتمد على
الصهاريج المتنقلة مصدرًا رئيسيًا للمياه، وأن متوسط ما يحصل عليه الفرد لا يتجاوز 38 لترًا
في اليوم، أي أقل من الحد الأدنى الذي توصي به منظمة الصحة العالمية (WHO)<sup>1</sup>.</p>
<p>ويقترح التقرير خطة من خمس خطوات لإصلاح الشبكات القديمة وتخزين مياه الأمطار، بكلفة
تقديرية تبلغ 412,000 دولار أمريكي على مدى ثمانية عشر شهرًا، مع إشراك المجالس المحلية في
الصيانة والمتابعة.</p>
</div>
"""

TITLE_NOTES = [
    "1 يقدّر الحد الأدنى لتلبية الاحتياجات الأساسية بخمسين لترًا للفرد يوميًا، بحسب الإرشادات "
    "المعتمدة لدى المنظمات الإنسانية.",
]

INTRO_PAGE = """
<div dir="rtl">
<h2>1. مقدمة</h2>
<p>بدأ المسح في 12 كانون الثاني/يناير 2025 وانتهى في 30 حزيران/يونيو 2025، واعتمد على
استبيان من 46 سؤالًا، إضافة إلى قياسات مباشرة لجودة المياه في 64 نقطة. وقد استخدم
الفريق أجهزة تحديد المواقع (GPS) لتوثيق كل نقطة، ونُقلت البيانات يوميًا عبر تطبيق
ODK إلى قاعدة بيانات مركزية<sup>2</sup>.</p>
<p>وتأتي أهمية هذا المسح من أن آخر دراسة شاملة للمنطقة تعود إلى عام 2016، وقد تغيّرت
الظروف منذ ذلك الحين تغيرًا كبيرًا؛ فقد تراجع منسوب الينابيع بنسبة تقارب 30%، وهاجرت
أسر كثيرة من القرى العالية إلى أطراف المدن، بينما عادت أسر أخرى بعد انتهاء موسم العمل.</p>
<h3>1.1 المنهجية</h3>
<p>قسّم الفريق القرى إلى ثلاث مجموعات بحسب الارتفاع: أقل من 800 متر، وبين 800 و1,200
متر، وأعلى من 1,200 متر. واختيرت الأسر عشوائيًا من سجلات المجالس المحلية، وبلغت نسبة
الاستجابة 91.5%. أما عينات المياه فقد حُللت في مختبر معتمد، وقيست فيها العكارة والكلور
المتبقي وبكتيريا القولون<sup>3</sup> (E. coli).</p>
<p>ولم يكن العمل خاليًا من الصعوبات: فقد أغلقت الثلوج الطرق إلى خمس قرى مدة أسبوعين
في شباط/فبراير، واضطر الفريق إلى تأجيل الزيارات حتى منتصف آذار/مارس. كما رفضت بعض
الأسر الإجابة عن أسئلة الدخل، فاكتفى التقرير بالمؤشرات التي لا تعتمد عليها.</p>
<h3>1.2 التعريفات</h3>
<p>نعني بـ«المصدر المحسّن» كل مصدر محمي من التلوث الخارجي، كالشبكة العامة والآبار
المغطاة والينابيع المحمية. ونعني بـ«الوصول الأساسي» أن تحصل الأسرة على الماء من مصدر
محسّن لا تزيد رحلة جلبه ذهابًا وإيابًا على ثلاثين دقيقة.</p>
</div>
"""

INTRO_NOTES = [
    "2 تطبيق مفتوح المصدر لجمع البيانات الميدانية، يعمل على الهواتف دون اتصال بالشبكة.",
    "3 أُجريت التحاليل بين 3 و14 نيسان/أبريل 2025، وأعيد تحليل 8 عينات للتحقق من النتائج.",
]

# MuPDF's HTML engine lays tables out left to right whatever the direction: the columns
# are written in reverse so that the table reads right to left on the page.
TABLE_PAGE = """
<div dir="rtl">
<h2>2. النتائج الرئيسية</h2>
<p>يلخص الجدول الآتي أهم المؤشرات في المجموعات الثلاث. ويظهر منه أن الوصول يتراجع كلما
ارتفعت القرية، وأن الاعتماد على الصهاريج يبلغ ذروته في القرى العالية<sup>4</sup>.</p>
<table>
<tr><th>لتر للفرد يوميًا</th><th>الوصول الأساسي</th><th>عدد الأسر</th>
<th>عدد القرى</th><th>المجموعة</th></tr>
<tr><td>46</td><td>71%</td><td>812</td><td>9</td><td>أقل من 800 م</td></tr>
<tr><td>35</td><td>52%</td><td>634</td><td>8</td><td>800 – 1,200 م</td></tr>
<tr><td>24</td><td>29%</td><td>394</td><td>6</td><td>أعلى من 1,200 م</td></tr>
<tr><td>38</td><td>55%</td><td>1,840</td><td>23</td><td>المجموع</td></tr>
</table>
<br/>
<p>وأظهرت التحاليل أن 17 نقطة من أصل 64 تحتوي على بكتيريا القولون، معظمها في الخزانات
المنزلية المكشوفة لا في المصادر نفسها. ويعني ذلك أن التلوث يحدث غالبًا بعد جلب الماء،
وأن توزيع أغطية الخزانات وأقراص الكلور قد يخفض الخطر بكلفة زهيدة.</p>
<p>وبلغ متوسط ما تنفقه الأسرة على شراء الماء 27 دولارًا شهريًا في القرى العالية، أي ما
يعادل 14% من دخلها المعلن، مقابل 6 دولارات في القرى المنخفضة.</p>
</div>
"""

TABLE_NOTES = [
    "4 تشمل الأرقام الأسر المقيمة فقط، ولا تشمل الأسر التي تقضي الصيف في القرى.",
]

COLUMN_HEADING = """
<div dir="rtl">
<h2>3. أصوات من القرى</h2>
<p>جمع الفريق شهادات من السكان عن حياتهم اليومية مع الماء، ننقل بعضها هنا بتصرف يسير.</p>
</div>
"""

RIGHT_COLUMN = """
<div dir="rtl">
<h3>قرية العين الباردة</h3>
<p>تقول سيدة في الخمسين إنها تنهض قبل الفجر لتملأ أوعيتها من النبع قبل أن يزدحم، وإن
الرحلة تستغرق ساعة كاملة في الشتاء. وتضيف أن بناتها يتأخرن عن المدرسة في الأيام التي
ينقطع فيها الصهريج.</p>
<p>ويشرح رئيس المجلس المحلي أن الشبكة مُدّت عام 1998 ولم تُجدّد منذ ذلك الحين، وأن
نصف الأنابيب يتسرب منها الماء. وقد قدّم المجلس طلبًا للإصلاح في 2023 دون أن يتلقى ردًا.</p>
<p>ويرى شباب القرية أن تخزين مياه الأمطار حل ممكن، فالسطوح واسعة والمطر غزير في
الشتاء، لكن الأسر لا تملك ثمن الخزانات الكبيرة.</p>
</div>
"""

LEFT_COLUMN = """
<div dir="rtl">
<h3>قرية الصفصاف</h3>
<p>يعمل في القرية مشروع صغير لتنقية المياه بالطاقة الشمسية، أنشأته جمعية محلية بدعم من
برنامج الأمم المتحدة الإنمائي (UNDP). وينتج المشروع نحو 2,000 لتر يوميًا تكفي للشرب
والطهي لمئة أسرة.</p>
<p>ويقول المسؤول عن تشغيله إن الصيانة هي التحدي الأكبر: فقطع الغيار تأتي من المدينة،
والمرشحات تحتاج إلى تبديل كل ستة أشهر. ومع ذلك انخفضت حالات الإسهال بين الأطفال
انخفاضًا ملحوظًا منذ تشغيله.</p>
<p>ويأمل السكان أن تعمم التجربة على القرى المجاورة، وأن تُدرّب فرق محلية على الصيانة
بدلًا من انتظار الفنيين من الخارج.</p>
</div>
"""

RECOMMENDATIONS_PAGE = """
<div dir="rtl">
<h2>4. التوصيات</h2>
<p>بناءً على ما سبق، يوصي التقرير بالخطوات الخمس الآتية، مرتبة بحسب الأولوية:</p>
<p class="item">1. إصلاح الشبكات القديمة في القرى التسع المنخفضة، وتقدّر كلفته بـ180,000 دولار.</p>
<p class="item">2. توزيع 1,500 خزان منزلي مغطى مع أقراص الكلور وتدريب الأسر على استخدامها.</p>
<p class="item">3. إنشاء خزانات جماعية لتجميع مياه الأمطار في القرى العالية قبل شتاء 2026.</p>
<p class="item">4. تعميم محطات التنقية الشمسية على غرار تجربة الصفصاف، مع صندوق محلي للصيانة.</p>
<p class="item">5. إنشاء نظام متابعة شهري بالرسائل القصيرة (SMS) للإبلاغ عن الأعطال.</p>
<h2>5. خاتمة</h2>
<p>الماء في هذه القرى ليس مسألة بنية تحتية فحسب، بل هو مسألة وقت وصحة وتعليم. فكل ساعة
تقضيها امرأة أو طفلة في جلب الماء هي ساعة تُقتطع من العمل أو الدراسة. وتستطيع حلول
بسيطة ومجرّبة أن تغير هذا الواقع خلال سنة ونصف، إذا توفر التمويل والتزمت الجهات المعنية
بالتنسيق فيما بينها<sup>5</sup>.</p>
<p>للتواصل مع فريق التقرير: reports@nabaa.example أو زيارة الموقع www.nabaa.example/water</p>
</div>
"""

RECOMMENDATIONS_NOTES = [
    "5 ستنشر المبادرة تقريرًا لاحقًا في كانون الأول/ديسمبر 2025 يتابع تنفيذ هذه التوصيات.",
]


def _box(page: pymupdf.Page, rect: pymupdf.Rect, html: str, archive: pymupdf.Archive) -> float:
    spare, scale = page.insert_htmlbox(rect, html, css=CSS, archive=archive)
    if scale < 1:  # the text must fit at its real size: a shrunk page is a layout bug here
        sys.exit(f"text does not fit on page {page.number + 1} (scale {scale:.2f})")
    return float(spare)


def _chrome(page: pymupdf.Page, number: int, archive: pymupdf.Archive, header: bool) -> None:
    if header:
        _box(page, pymupdf.Rect(MARGIN, 24, WIDTH - MARGIN, 44),
             f'<p class="header" dir="rtl">{HEADER}</p>', archive)
        page.draw_line((MARGIN, 48), (WIDTH - MARGIN, 48), color=(0.6, 0.6, 0.6), width=0.5)
    _box(page, pymupdf.Rect(MARGIN, HEIGHT - 40, WIDTH - MARGIN, HEIGHT - 20),
         f'<p class="pageno">{number}</p>', archive)


def _notes(page: pymupdf.Page, notes: list[str], archive: pymupdf.Archive) -> float:
    """Footnotes at the page foot under a short rule at the right; returns the rule's y."""
    html = "".join(f"<p>{note}</p>" for note in notes)
    html = f'<div dir="rtl" class="notes">{html}</div>'
    height = 16.0 + 13.0 * len(notes) + sum(len(n) // 95 * 12.0 for n in notes)
    top = HEIGHT - 48 - height
    page.draw_line((WIDTH - MARGIN - 150, top), (WIDTH - MARGIN, top), color=(0, 0, 0), width=0.6)
    _box(page, pymupdf.Rect(MARGIN, top + 4, WIDTH - MARGIN, HEIGHT - 46), html, archive)
    return top


def build(out: Path = OUT) -> Path:
    archive = pymupdf.Archive(str(FONTS))
    doc = pymupdf.open()

    def page_with(body: str, notes: list[str], number: int, header: bool = True) -> None:
        page = doc.new_page(width=WIDTH, height=HEIGHT)
        _chrome(page, number, archive, header)
        bottom = _notes(page, notes, archive) - 8 if notes else HEIGHT - 56
        _box(page, pymupdf.Rect(MARGIN, 60, WIDTH - MARGIN, bottom), body, archive)

    page_with(TITLE_PAGE, TITLE_NOTES, 1, header=False)
    page_with(INTRO_PAGE, INTRO_NOTES, 2)
    page_with(TABLE_PAGE, TABLE_NOTES, 3)

    # The two-column page: a full-width heading, then the right column, then the left.
    page = doc.new_page(width=WIDTH, height=HEIGHT)
    _chrome(page, 4, archive, header=True)
    spare = _box(page, pymupdf.Rect(MARGIN, 60, WIDTH - MARGIN, 200), COLUMN_HEADING, archive)
    top = 200 - spare + 8
    gutter = 24.0
    middle = WIDTH / 2
    _box(page, pymupdf.Rect(middle + gutter / 2, top, WIDTH - MARGIN, HEIGHT - 56),
         RIGHT_COLUMN, archive)
    _box(page, pymupdf.Rect(MARGIN, top, middle - gutter / 2, HEIGHT - 56), LEFT_COLUMN, archive)

    page_with(RECOMMENDATIONS_PAGE, RECOMMENDATIONS_NOTES, 5)

    doc.set_toc([
        [1, "ملخص تنفيذي", 1],
        [1, "1. مقدمة", 2],
        [2, "1.1 المنهجية", 2],
        [2, "1.2 التعريفات", 2],
        [1, "2. النتائج الرئيسية", 3],
        [1, "3. أصوات من القرى", 4],
        [1, "4. التوصيات", 5],
        [1, "5. خاتمة", 5],
    ])
    doc.set_metadata({
        "title": "الوصول إلى مياه الشرب في القرى الجبلية",
        "author": "مبادرة نبع للتنمية المجتمعية (نص تجريبي كتب لمشروع قارئ)",
        "subject": "تقرير ميداني تجريبي",
        "keywords": "مياه, قرى, تقرير",
        "creator": "Qari scripts/build_sample.py",
        "producer": f"PyMuPDF {pymupdf.__version__}",
        # A fixed date keeps the committed file reproducible.
        "creationDate": "D:20250701000000Z",
        "modDate": "D:20250701000000Z",
    })
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.subset_fonts()
    doc.save(out, garbage=4, deflate=True, no_new_id=True)
    return out


if __name__ == "__main__":
    print(build())
