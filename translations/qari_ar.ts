<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../reader/ui/annotating.py" line="139"/>
        <source>The annotation database was damaged. It was kept as %1 and a new one was started.</source>
        <translation>كانت قاعدة بيانات التعليقات تالفة، فحُفظت باسم %1 وبُدئت قاعدة جديدة.</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="143"/>
        <source>Qari cannot write to its data folder (%1). Annotations are shown but new ones cannot be saved: export them before closing.</source>
        <translation>لا يستطيع قارئ الكتابة في مجلد بياناته (%1). تُعرض التعليقات الموجودة، لكن لا يمكن حفظ الجديدة منها: صدّرها قبل الإغلاق.</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="164"/>
        <source>The annotations of this document cannot be read: %1</source>
        <translation>لا يمكن قراءة تعليقات هذه الوثيقة: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="225"/>
        <source>the data folder cannot be written</source>
        <translation>لا يمكن الكتابة في مجلد البيانات</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="226"/>
        <source>the disk is full</source>
        <translation>القرص ممتلئ</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="227"/>
        <source>saving failed</source>
        <translation>تعذّر الحفظ</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="229"/>
        <source>Annotations could not be saved: %1. They are kept and Qari will try again with the next change; to be safe, export them (File → Export annotations).</source>
        <translation>تعذّر حفظ التعليقات: %1. إنها محفوظة في الذاكرة وسيعيد قارئ المحاولة مع التغيير التالي؛ للاحتياط صدّرها (ملف ← تصدير التعليقات).</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="245"/>
        <source>Select some text first (in the Arabic pane, on the page or in the translation).</source>
        <translation>حدّد نصًا أولًا (في لوحة النص العربي أو على الصفحة أو في الترجمة).</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="253"/>
        <source>Add %1</source>
        <translation>إضافة %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="259"/>
        <source>Note on the page</source>
        <translation>ملاحظة على الصفحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="260"/>
        <location filename="../reader/ui/annotating.py" line="271"/>
        <source>Note:</source>
        <translation>الملاحظة:</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="264"/>
        <location filename="../reader/ui/annotating.py" line="275"/>
        <source>Add a note</source>
        <translation>إضافة ملاحظة</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="270"/>
        <source>Note on the document</source>
        <translation>ملاحظة على الوثيقة</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="287"/>
        <source>Edit comment</source>
        <translation>تحرير التعليق</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="290"/>
        <source>Change colour</source>
        <translation>تغيير اللون</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="297"/>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="298"/>
        <source>Tags, separated by commas:</source>
        <translation>الوسوم، مفصولة بفواصل:</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="302"/>
        <source>Edit tags</source>
        <translation>تحرير الوسوم</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="310"/>
        <source>Delete annotations</source>
        <translation>حذف التعليقات</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="321"/>
        <source>Colour: %1</source>
        <translation>اللون: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="353"/>
        <location filename="../reader/ui/annotating.py" line="373"/>
        <location filename="../reader/ui/annotating.py" line="384"/>
        <source>Import annotations</source>
        <translation>استيراد التعليقات</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="354"/>
        <source>Annotations (*.json *.pdf);;W3C Web Annotations (*.json);;Annotated PDF (*.pdf)</source>
        <translation>تعليقات (*.json *.pdf);;تعليقات ويب W3C ‏(*.json);;ملف PDF مع تعليقات (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <location filename="../reader/ui/annotating.py" line="374"/>
        <source>%n annotation(s) imported.</source>
        <translation>
            <numerusform>لم يُستورد أي تعليق.</numerusform>
            <numerusform>استُورد تعليق واحد.</numerusform>
            <numerusform>استُورد تعليقان.</numerusform>
            <numerusform>استُوردت %n تعليقات.</numerusform>
            <numerusform>استُورد %n تعليقًا.</numerusform>
            <numerusform>استُورد %n تعليق.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="376"/>
        <source>%1 could not be placed in the text; they are listed as “not found”.</source>
        <translation>تعذّر تحديد موضع %1 منها في النص؛ وهي مدرجة بوصفها «غير موجودة».</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="379"/>
        <source>%1 were there already.</source>
        <translation>%1 منها موجودة من قبل.</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="382"/>
        <source>%1 were left out (unreadable, or of a kind Qari does not use).</source>
        <translation>أُغفل %1 منها (غير مقروءة، أو من نوع لا يستخدمه قارئ).</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="389"/>
        <source>it is not a W3C Web Annotation file (%1)</source>
        <translation>ليس ملف تعليقات ويب W3C ‏(%1)</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="393"/>
        <source>Cannot import annotations from %1: %2</source>
        <translation>لا يمكن استيراد التعليقات من %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../reader/ui/annotating.py" line="400"/>
        <source>%n annotation(s) written to %1</source>
        <translation>
            <numerusform>لم يُكتب أي تعليق في %1</numerusform>
            <numerusform>كُتب تعليق واحد في %1</numerusform>
            <numerusform>كُتب تعليقان في %1</numerusform>
            <numerusform>كُتبت %n تعليقات في %1</numerusform>
            <numerusform>كُتب %n تعليقًا في %1</numerusform>
            <numerusform>كُتب %n تعليق في %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="424"/>
        <source>Export annotations</source>
        <translation>تصدير التعليقات</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="426"/>
        <source>W3C Web Annotations (*.json)</source>
        <translation>تعليقات ويب W3C ‏(*.json)</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="405"/>
        <source>Cannot write %1: %2</source>
        <translation>لا يمكن كتابة %1: %2</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="434"/>
        <source>Export an annotated copy of the PDF</source>
        <translation>تصدير نسخة من ملف PDF مع التعليقات</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="436"/>
        <source>PDF documents (*.pdf)</source>
        <translation>مستندات PDF ‏(*.pdf)</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="443"/>
        <location filename="../reader/ui/annotating.py" line="448"/>
        <source>Export notes</source>
        <translation>تصدير الملاحظات</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="444"/>
        <source>Markdown (*.md)</source>
        <translation>ماركداون (*.md)</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="447"/>
        <source>by page</source>
        <translation>حسب الصفحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="447"/>
        <source>by colour</source>
        <translation>حسب اللون</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="447"/>
        <source>by tag</source>
        <translation>حسب الوسم</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotating.py" line="449"/>
        <source>Group the annotations:</source>
        <translation>جمّع التعليقات:</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="134"/>
        <source>p. %1</source>
        <translation>ص %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="135"/>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="138"/>
        <source>not found in the text</source>
        <translation>غير موجود في النص</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="140"/>
        <source>moved: check it</source>
        <translation>تغيّر موضعه: راجعه</translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="61"/>
        <source>Highlight</source>
        <translation>تظليل</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="62"/>
        <source>Underline</source>
        <translation>تسطير</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="63"/>
        <source>Strike-through</source>
        <translation>شطب</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="64"/>
        <source>Note on the page</source>
        <translation>ملاحظة على الصفحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="65"/>
        <source>Note on the document</source>
        <translation>ملاحظة على الوثيقة</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="71"/>
        <source>Yellow</source>
        <translation>أصفر</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="72"/>
        <source>Red</source>
        <translation>أحمر</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="73"/>
        <source>Green</source>
        <translation>أخضر</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="74"/>
        <source>Blue</source>
        <translation>أزرق</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="75"/>
        <source>Purple</source>
        <translation>بنفسجي</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="76"/>
        <source>Magenta</source>
        <translation>أرجواني</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="77"/>
        <source>Orange</source>
        <translation>برتقالي</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="78"/>
        <source>Grey</source>
        <translation>رمادي</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="352"/>
        <source>Search quotes, comments, tags</source>
        <translation>ابحث في الاقتباسات والتعليقات والوسوم</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="353"/>
        <source>New note</source>
        <translation>ملاحظة جديدة</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="354"/>
        <source>A note on the whole document (Ctrl+Shift+N)</source>
        <translation>ملاحظة على الوثيقة كلها (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="355"/>
        <source>No annotations yet. Select text and press H to highlight it (1–8 pick a colour), U to underline, K to strike through; right-click the page for a note.</source>
        <translation>لا تعليقات بعد. حدّد نصًا واضغط H لتظليله (تختار المفاتيح 1–8 اللون)، وU لتسطيره، وK لشطبه؛ وانقر الصفحة بالزر الأيمن لإضافة ملاحظة.</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="366"/>
        <source>All colours</source>
        <translation>كل الألوان</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="372"/>
        <source>All kinds</source>
        <translation>كل الأنواع</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="375"/>
        <source>To check (moved or not found)</source>
        <translation>للمراجعة (تغيّر موضعها أو لم تُوجد)</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="377"/>
        <source>All tags</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="420"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../reader/ui/annotations_panel.py" line="422"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>لا تعليقات</numerusform>
            <numerusform>تعليق واحد</numerusform>
            <numerusform>تعليقان</numerusform>
            <numerusform>%n تعليقات</numerusform>
            <numerusform>%n تعليقًا</numerusform>
            <numerusform>%n تعليق</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="455"/>
        <source>Edit comment</source>
        <translation>تحرير التعليق</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="456"/>
        <source>Tags…</source>
        <translation>الوسوم…</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="457"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../reader/ui/annotations_panel.py" line="462"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>ArabicTextPane</name>
    <message>
        <location filename="../reader/ui/panes.py" line="115"/>
        <source>Arabic text</source>
        <translation>النص العربي</translation>
    </message>
    <message>
        <location filename="../reader/ui/panes.py" line="116"/>
        <source>Open a PDF to see its text here.</source>
        <translation>افتح ملف PDF ليظهر نصه هنا.</translation>
    </message>
    <message>
        <location filename="../reader/ui/panes.py" line="125"/>
        <source>Reading page %1…</source>
        <translation>جارٍ قراءة الصفحة %1…</translation>
    </message>
    <message>
        <location filename="../reader/ui/panes.py" line="153"/>
        <location filename="../reader/ui/panes.py" line="351"/>
        <source>This page has no text layer.</source>
        <translation>لا تحتوي هذه الصفحة على طبقة نصية.</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <location filename="../reader/ui/documents.py" line="40"/>
        <source>Open a PDF</source>
        <translation>فتح ملف PDF</translation>
    </message>
    <message>
        <location filename="../reader/ui/documents.py" line="41"/>
        <source>PDF documents (*.pdf);;All files (*)</source>
        <translation>وثائق PDF (*.pdf);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../reader/ui/documents.py" line="49"/>
        <source>Opening %1…</source>
        <translation>جارٍ فتح %1…</translation>
    </message>
    <message>
        <location filename="../reader/ui/documents.py" line="69"/>
        <source>The password was not correct. Enter the password for “%1”:</source>
        <translation>كلمة المرور غير صحيحة. أدخل كلمة مرور «%1»:</translation>
    </message>
    <message>
        <location filename="../reader/ui/documents.py" line="70"/>
        <source>“%1” is protected. Enter its password:</source>
        <translation>«%1» محمي بكلمة مرور. أدخل كلمة المرور:</translation>
    </message>
    <message>
        <location filename="../reader/ui/documents.py" line="71"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../reader/ui/documents.py" line="99"/>
        <source>The file was damaged; Qari repaired what it could.</source>
        <translation>كان الملف تالفًا، وأصلح قارئ ما أمكن إصلاحه.</translation>
    </message>
    <message>
        <location filename="../reader/ui/documents.py" line="100"/>
        <source>Opened %1 (%2 pages)</source>
        <translation>فُتح %1 (%2 صفحات)</translation>
    </message>
    <message>
        <location filename="../reader/ui/documents.py" line="127"/>
        <source>Text: %1 / %2 pages</source>
        <translation>النص: %1 / %2 صفحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/documents.py" line="140"/>
        <source>Some pages could not be read</source>
        <translation>تعذرت قراءة بعض الصفحات</translation>
    </message>
    <message>
        <location filename="../reader/ui/documents.py" line="155"/>
        <source>No recent files</source>
        <translation>لا توجد ملفات حديثة</translation>
    </message>
    <message>
        <location filename="../reader/ui/documents.py" line="158"/>
        <source>Clear the list</source>
        <translation>مسح القائمة</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../reader/ui/find_bar.py" line="53"/>
        <source>Find:</source>
        <translation>بحث:</translation>
    </message>
    <message>
        <location filename="../reader/ui/find_bar.py" line="54"/>
        <source>Search the document (harakat are ignored)</source>
        <translation>ابحث في الوثيقة (تُتجاهل الحركات)</translation>
    </message>
    <message>
        <location filename="../reader/ui/find_bar.py" line="55"/>
        <source>Previous match (Shift+F3)</source>
        <translation>النتيجة السابقة (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../reader/ui/find_bar.py" line="56"/>
        <source>Next match (F3)</source>
        <translation>النتيجة التالية (F3)</translation>
    </message>
    <message>
        <location filename="../reader/ui/find_bar.py" line="57"/>
        <source>Close the find bar (Esc)</source>
        <translation>إغلاق شريط البحث (Esc)</translation>
    </message>
</context>
<context>
    <name>FindController</name>
    <message>
        <location filename="../reader/ui/finding.py" line="54"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../reader/ui/finding.py" line="55"/>
        <source>Stop the search</source>
        <translation>إيقاف البحث</translation>
    </message>
    <message>
        <location filename="../reader/ui/finding.py" line="87"/>
        <source>Searching %p%</source>
        <translation>جارٍ البحث %p%</translation>
    </message>
    <message>
        <location filename="../reader/ui/finding.py" line="102"/>
        <source>p. %1</source>
        <translation>ص %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/finding.py" line="115"/>
        <source>The search failed: %1</source>
        <translation>فشل البحث: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/finding.py" line="138"/>
        <source>No matches</source>
        <translation>لا توجد نتائج</translation>
    </message>
    <message>
        <location filename="../reader/ui/finding.py" line="140"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>FirstStepsDialog</name>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="75"/>
        <source>First steps</source>
        <translation>الخطوات الأولى</translation>
    </message>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="80"/>
        <source>&lt;h2&gt;First steps with Qari&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Open a report&lt;/b&gt; (Ctrl+O, or drop a PDF on the window). The page is on the left, its Arabic text in reading order in the middle, the translation grid on the right.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Install a translation model once&lt;/b&gt;: File → Install translation model from file… with the &lt;i&gt;translate-ar_en&lt;/i&gt; .argosmodel file you carried over. Qari never goes online.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Post-edit&lt;/b&gt; in the grid: Enter edits a sentence&apos;s English, Ctrl+Enter confirms it and moves on. F3 corrects the Arabic when the PDF&apos;s text was wrong.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Annotate&lt;/b&gt;: select text and press H (highlight), U (underline) or K (strike); 1–8 pick a colour. Notes and highlights are listed on the right.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Hand on your work&lt;/b&gt;: File → Export translation… (Word, OpenDocument, HTML, Markdown, TMX, XLIFF) and File → Export notes….&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;F1 lists every keyboard shortcut. Everything you do is saved as you go.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;الخطوات الأولى مع قارئ&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;افتح تقريرًا&lt;/b&gt; (Ctrl+O، أو أفلت ملف PDF على النافذة). الصفحة على اليسار، ونصها العربي بترتيب القراءة في الوسط، وشبكة الترجمة على اليمين.&lt;/li&gt;&lt;li&gt;&lt;b&gt;ثبّت نموذج ترجمة مرة واحدة&lt;/b&gt;: ملف ← تثبيت نموذج الترجمة من ملف… مع ملف ‎.argosmodel الخاص بـ&lt;i&gt;translate-ar_en&lt;/i&gt; الذي نقلته معك. لا يتصل قارئ بالإنترنت أبدًا.&lt;/li&gt;&lt;li&gt;&lt;b&gt;حرّر الترجمة&lt;/b&gt; في الشبكة: يحرّر Enter الترجمة الإنجليزية للجملة، ويؤكّدها Ctrl+Enter وينتقل إلى التالية. ويصحّح F3 النص العربي حين يكون نص ملف PDF خاطئًا.&lt;/li&gt;&lt;li&gt;&lt;b&gt;علّق&lt;/b&gt;: حدّد نصًا واضغط H (تظليل) أو U (تسطير) أو K (شطب)؛ وتختار المفاتيح 1–8 اللون. تُدرج الملاحظات والتظليلات على اليمين.&lt;/li&gt;&lt;li&gt;&lt;b&gt;سلّم عملك&lt;/b&gt;: ملف ← تصدير الترجمة… (Word وOpenDocument وHTML وMarkdown وTMX وXLIFF) وملف ← تصدير الملاحظات….&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;يعرض F1 كل اختصارات لوحة المفاتيح. كل ما تفعله يُحفظ أولًا بأول.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>InstanceGuard</name>
    <message>
        <location filename="../reader/ui/app.py" line="115"/>
        <source>Qari is already running with this data folder (process %1) and does not answer. Two windows on one data folder would overwrite each other&apos;s work: close the other window first.</source>
        <translation>قارئ يعمل بالفعل بمجلد البيانات هذا (العملية %1) ولا يستجيب. نافذتان على مجلد بيانات واحد تكتب كل منهما فوق عمل الأخرى: أغلق النافذة الأخرى أولاً.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../reader/ui/main_window.py" line="208"/>
        <source>Pages</source>
        <translation>الصفحات</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="209"/>
        <source>Outline</source>
        <translation>المخطط</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="210"/>
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="211"/>
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="259"/>
        <source>Some annotations could not be saved. Export them to a file before closing?</source>
        <translation>تعذّر حفظ بعض التعليقات. هل تصدّرها إلى ملف قبل الإغلاق؟</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../reader/ui/messages.py" line="14"/>
        <source>The file “%1” does not exist. It may have been moved or deleted.</source>
        <translation>الملف «%1» غير موجود. ربما نُقل أو حُذف.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="16"/>
        <source>“%1” is a folder, not a PDF file.</source>
        <translation>«%1» مجلد وليس ملف PDF.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="18"/>
        <source>The file “%1” cannot be read. Check that you have permission to open it.</source>
        <translation>تتعذر قراءة الملف «%1». تحقق من أن لديك إذنًا بفتحه.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="20"/>
        <source>The file “%1” is empty (0 bytes). It may not have finished downloading.</source>
        <translation>الملف «%1» فارغ (0 بايت). ربما لم يكتمل تنزيله.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="22"/>
        <source>The file “%1” is not a PDF document, even though its name may say so.</source>
        <translation>الملف «%1» ليس وثيقة PDF، وإن أوحى اسمه بذلك.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="24"/>
        <source>The PDF “%1” is damaged and cannot be opened. Try downloading or copying it again.</source>
        <translation>ملف PDF ‏«%1» تالف ولا يمكن فتحه. حاول تنزيله أو نسخه من جديد.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="27"/>
        <source>The PDF “%1” is incomplete: the file ends too early, probably because a download or copy was interrupted. Get the file again.</source>
        <translation>ملف PDF ‏«%1» غير مكتمل: ينتهي الملف قبل أوانه، ربما لانقطاع التنزيل أو النسخ. احصل على الملف من جديد.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="30"/>
        <source>The PDF “%1” contains no pages.</source>
        <translation>لا يحتوي ملف PDF ‏«%1» على أي صفحة.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="32"/>
        <source>The PDF “%1” is protected by a password.</source>
        <translation>ملف PDF ‏«%1» محمي بكلمة مرور.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="34"/>
        <source>The password for “%1” is not correct. The document was not opened.</source>
        <translation>كلمة مرور «%1» غير صحيحة. لم تُفتح الوثيقة.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="36"/>
        <source>A page of “%1” cannot be displayed.</source>
        <translation>يتعذر عرض إحدى صفحات «%1».</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="39"/>
        <source>“%1” could not be opened: %2</source>
        <translation>تعذر فتح «%1»: %2</translation>
    </message>
</context>
<context>
    <name>ModelsController</name>
    <message>
        <location filename="../reader/ui/models.py" line="60"/>
        <source>The translation model cannot be loaded: %1</source>
        <translation>يتعذر تحميل نموذج الترجمة: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/models.py" line="77"/>
        <source>Install a translation model</source>
        <translation>تثبيت نموذج ترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/models.py" line="78"/>
        <source>Argos Translate models (*.argosmodel);;All files (*)</source>
        <translation>نماذج Argos Translate (*.argosmodel);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../reader/ui/models.py" line="84"/>
        <source>Installing %1…</source>
        <translation>جارٍ تثبيت %1…</translation>
    </message>
    <message>
        <location filename="../reader/ui/models.py" line="87"/>
        <source>Installed the translation model %1.</source>
        <translation>ثُبّت نموذج الترجمة %1.</translation>
    </message>
    <message>
        <location filename="../reader/ui/models.py" line="94"/>
        <source>This translation model cannot be installed: %1</source>
        <translation>لا يمكن تثبيت نموذج الترجمة هذا: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/models.py" line="97"/>
        <source>Installing the model failed: %1</source>
        <translation>فشل تثبيت النموذج: %1</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="29"/>
        <source>Translation models</source>
        <translation>نماذج الترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="31"/>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="31"/>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="31"/>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="32"/>
        <source>Folder</source>
        <translation>المجلد</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="34"/>
        <source>No translation model is installed.</source>
        <translation>لا يوجد نموذج ترجمة مثبّت.</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="35"/>
        <source>Install from file…</source>
        <translation>تثبيت من ملف…</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="36"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="70"/>
        <source>Install a translation model</source>
        <translation>تثبيت نموذج ترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="71"/>
        <source>Argos Translate models (*.argosmodel);;All files (*)</source>
        <translation>نماذج Argos Translate (*.argosmodel);;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>NavigationController</name>
    <message>
        <location filename="../reader/ui/navigation.py" line="54"/>
        <source>Page %1 cannot be displayed: %2</source>
        <translation>يتعذر عرض الصفحة %1: %2</translation>
    </message>
    <message>
        <location filename="../reader/ui/navigation.py" line="127"/>
        <source>The text of this page cannot be read.</source>
        <translation>تتعذر قراءة نص هذه الصفحة.</translation>
    </message>
    <message>
        <location filename="../reader/ui/navigation.py" line="141"/>
        <source>Read by OCR</source>
        <translation>قُرئت بالتعرّف الضوئي</translation>
    </message>
    <message>
        <location filename="../reader/ui/navigation.py" line="143"/>
        <source>No text layer (a scanned page?)</source>
        <translation>لا توجد طبقة نصية (صفحة ممسوحة ضوئيًا؟)</translation>
    </message>
    <message>
        <location filename="../reader/ui/navigation.py" line="145"/>
        <source>Text stored in visual order: reordered</source>
        <translation>النص مخزّن بالترتيب المرئي: أُعيد ترتيبه</translation>
    </message>
    <message numerus="yes">
        <location filename="../reader/ui/navigation.py" line="149"/>
        <source>%n glyph(s) named by OCR and the fonts</source>
        <translation>
            <numerusform>لم يُسمِّ التعرف الضوئي والخطوط أي حرف</numerusform>
            <numerusform>سمّى التعرف الضوئي والخطوط حرفًا واحدًا</numerusform>
            <numerusform>سمّى التعرف الضوئي والخطوط حرفين</numerusform>
            <numerusform>سمّى التعرف الضوئي والخطوط %n أحرف</numerusform>
            <numerusform>سمّى التعرف الضوئي والخطوط %n حرفًا</numerusform>
            <numerusform>سمّى التعرف الضوئي والخطوط %n حرف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../reader/ui/navigation.py" line="147"/>
        <source>%n glyph(s) recovered from the font</source>
        <translation>
            <numerusform>لم يُستعد أي حرف من الخط</numerusform>
            <numerusform>استُعيد حرف واحد من الخط</numerusform>
            <numerusform>استُعيد حرفان من الخط</numerusform>
            <numerusform>استُعيدت %n أحرف من الخط</numerusform>
            <numerusform>استُعيد %n حرفًا من الخط</numerusform>
            <numerusform>استُعيد %n حرف من الخط</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../reader/ui/navigation.py" line="149"/>
        <source>%n glyph(s) unreadable</source>
        <translation>
            <numerusform>لا حروف غير مقروءة</numerusform>
            <numerusform>حرف واحد غير مقروء</numerusform>
            <numerusform>حرفان غير مقروءين</numerusform>
            <numerusform>%n أحرف غير مقروءة</numerusform>
            <numerusform>%n حرفًا غير مقروء</numerusform>
            <numerusform>%n حرف غير مقروء</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reader/ui/navigation.py" line="152"/>
        <source>How the text of this page was obtained from the PDF&apos;s text layer.</source>
        <translation>كيف استُخرج نص هذه الصفحة من الطبقة النصية لملف PDF.</translation>
    </message>
    <message>
        <location filename="../reader/ui/navigation.py" line="157"/>
        <source>No document</source>
        <translation>لا توجد وثيقة</translation>
    </message>
    <message>
        <location filename="../reader/ui/navigation.py" line="162"/>
        <source>Page %1 of %2</source>
        <translation>الصفحة %1 من %2</translation>
    </message>
</context>
<context>
    <name>OcrRunner</name>
    <message>
        <location filename="../reader/ui/ocr_runner.py" line="52"/>
        <source>Stop OCR</source>
        <translation>أوقف التعرّف الضوئي</translation>
    </message>
    <message>
        <location filename="../reader/ui/ocr_runner.py" line="53"/>
        <source>Stop reading pages with OCR</source>
        <translation>أوقف قراءة الصفحات بالتعرّف الضوئي</translation>
    </message>
    <message>
        <location filename="../reader/ui/ocr_runner.py" line="64"/>
        <source>OCR is not available: Tesseract with its Arabic data is not installed. Install it with: %1</source>
        <translation>التعرّف الضوئي غير متاح: برنامج Tesseract مع بياناته العربية غير مثبّت. ثبّته بالأمر: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/ocr_runner.py" line="185"/>
        <source>OCR could not read page %1: %2</source>
        <translation>تعذّر على التعرّف الضوئي قراءة الصفحة %1: %2</translation>
    </message>
    <message>
        <location filename="../reader/ui/ocr_runner.py" line="197"/>
        <source>OCR: page %1 (%2 of %3)…</source>
        <translation>التعرّف الضوئي: الصفحة %1 (%2 من %3)…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../reader/ui/preferences.py" line="33"/>
        <source>As the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="39"/>
        <source>Follow the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="39"/>
        <source>Light</source>
        <translation>فاتحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="40"/>
        <source>Dark</source>
        <translation>داكنة</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="50"/>
        <source>A new language applies the next time Qari starts.</source>
        <translation>تُطبَّق اللغة الجديدة عند تشغيل قارئ في المرة القادمة.</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="57"/>
        <source>Interface language:</source>
        <translation>لغة الواجهة:</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="59"/>
        <source>Theme:</source>
        <translation>السمة:</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="60"/>
        <source>Translation threads:</source>
        <translation>خيوط الترجمة:</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="61"/>
        <source>Translation beam size:</source>
        <translation>عرض حزمة البحث في الترجمة:</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="62"/>
        <source>Export the translation memory (TMX)…</source>
        <translation>تصدير ذاكرة الترجمة (TMX)…</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="65"/>
        <source>Translation memory:</source>
        <translation>ذاكرة الترجمة:</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="66"/>
        <source>Add a TMX file to the memory…</source>
        <translation>إضافة ملف TMX إلى الذاكرة…</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="71"/>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../reader/ui/printing.py" line="55"/>
        <source>Printing…</source>
        <translation>جارٍ الطباعة…</translation>
    </message>
    <message>
        <location filename="../reader/ui/printing.py" line="55"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message numerus="yes">
        <location filename="../reader/ui/printing.py" line="84"/>
        <source>%n page(s) printed.</source>
        <translation>
            <numerusform>لم تُطبع أي صفحة.</numerusform>
            <numerusform>طُبعت صفحة واحدة.</numerusform>
            <numerusform>طُبعت صفحتان.</numerusform>
            <numerusform>طُبعت %n صفحات.</numerusform>
            <numerusform>طُبعت %n صفحةً.</numerusform>
            <numerusform>طُبعت %n صفحة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reader/ui/printing.py" line="90"/>
        <source>Printing failed: %1</source>
        <translation>فشلت الطباعة: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/printing.py" line="101"/>
        <source>Printing stopped.</source>
        <translation>توقفت الطباعة.</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="../reader/ui/i18n.py" line="24"/>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>SegmentGrid</name>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="286"/>
        <source>Translation</source>
        <translation>الترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="287"/>
        <source>Install model from file…</source>
        <translation>تثبيت نموذج من ملف…</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="289"/>
        <source>All segments</source>
        <translation>كل المقاطع</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="289"/>
        <source>Not confirmed</source>
        <translation>غير المؤكَّدة</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="290"/>
        <source>With warnings</source>
        <translation>ذات التنبيهات</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="292"/>
        <source>This page</source>
        <translation>هذه الصفحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="292"/>
        <source>Whole document</source>
        <translation>الوثيقة كلها</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="295"/>
        <source>Model: %1. Enter edits a sentence; Ctrl+Enter confirms it and goes to the next one.</source>
        <translation>النموذج: %1. يحرّر Enter الجملة؛ ويؤكّدها Ctrl+Enter وينتقل إلى التالية.</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="300"/>
        <source>No Arabic→English translation model is installed.

Qari translates offline and never downloads anything by itself. On a computer with internet access, download the Argos Translate package “translate-ar_en” (a .argosmodel file), copy it to this computer, then choose “Install model from file…”.</source>
        <translation>لا يوجد نموذج ترجمة من العربية إلى الإنجليزية مثبّت.

يترجم قارئ دون اتصال بالإنترنت ولا ينزّل شيئًا من تلقاء نفسه. نزّل حزمة Argos Translate ‏«translate-ar_en» (ملف ‎.argosmodel) على حاسوب متصل بالإنترنت، وانسخها إلى هذا الحاسوب، ثم اختر «تثبيت نموذج من ملف…».</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="308"/>
        <source>Arabic left in the English</source>
        <translation>بقي نص عربي في الترجمة الإنجليزية</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="309"/>
        <source>the output equals the input</source>
        <translation>الناتج مطابق للمدخل</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="310"/>
        <source>unusual length</source>
        <translation>طول غير معتاد</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="311"/>
        <source>the model could not translate this sentence</source>
        <translation>تعذّر على النموذج ترجمة هذه الجملة</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="314"/>
        <source>glossary: %1 is “%2”, not in the English</source>
        <translation>المسرد: %1 يقابله «%2»، وهو غير موجود في الترجمة الإنجليزية</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="318"/>
        <source>waiting for the translation…</source>
        <translation>في انتظار الترجمة…</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="319"/>
        <source>not translated (type to write the English)</source>
        <translation>غير مترجمة (اكتب لتضع الترجمة الإنجليزية)</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="327"/>
        <source>memory %1 %</source>
        <translation>الذاكرة %1 %</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="328"/>
        <source>model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="454"/>
        <source>Page %1</source>
        <translation>الصفحة %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="570"/>
        <source>Change of a translation</source>
        <translation>تغيير ترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="767"/>
        <source>Fix the Arabic source</source>
        <translation>تصحيح النص العربي المصدر</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="768"/>
        <source>Correct what the extraction got wrong. A line break splits the segment there. The text as extracted stays on record.</source>
        <translation>صحّح ما أخطأ فيه الاستخراج. يقسم فاصل السطر المقطع عنده. يبقى النص كما استُخرج محفوظًا.</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="813"/>
        <source>Confirmed %1 of %2 on this page</source>
        <translation>المؤكَّد %1 من %2 في هذه الصفحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="817"/>
        <source>%1 of %2 in the document</source>
        <translation>%1 من %2 في الوثيقة</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="837"/>
        <source>Edit the English</source>
        <translation>تحرير الترجمة الإنجليزية</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="840"/>
        <source>Confirm</source>
        <translation>تأكيد</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="849"/>
        <source>Show other translations</source>
        <translation>عرض ترجمات أخرى</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="853"/>
        <source>Fix the Arabic source…</source>
        <translation>تصحيح النص العربي المصدر…</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="856"/>
        <source>Join with the next segment</source>
        <translation>دمج مع المقطع التالي</translation>
    </message>
    <message>
        <location filename="../reader/ui/segment_grid.py" line="864"/>
        <source>Copy the page as bilingual text</source>
        <translation>نسخ الصفحة نصًا ثنائي اللغة</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="26"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="39"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="39"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="57"/>
        <source>Grid: edit the English of a sentence</source>
        <translation>الشبكة: تحرير الترجمة الإنجليزية لجملة</translation>
    </message>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="58"/>
        <source>Grid, while editing: a line break</source>
        <translation>الشبكة أثناء التحرير: سطر جديد</translation>
    </message>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="59"/>
        <source>Grid: confirm and go to the next unconfirmed sentence</source>
        <translation>الشبكة: التأكيد والانتقال إلى الجملة التالية غير المؤكَّدة</translation>
    </message>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="60"/>
        <source>Grid, while editing: cancel</source>
        <translation>الشبكة أثناء التحرير: إلغاء</translation>
    </message>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="61"/>
        <source>Grid: previous or next sentence</source>
        <translation>الشبكة: الجملة السابقة أو التالية</translation>
    </message>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="62"/>
        <source>Grid: put in a memory match or another translation</source>
        <translation>الشبكة: إدراج مطابقة من الذاكرة أو ترجمة أخرى</translation>
    </message>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="64"/>
        <source>Grid: copy the Arabic into the English</source>
        <translation>الشبكة: نسخ العربية إلى الإنجليزية</translation>
    </message>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="65"/>
        <source>Grid: fix the Arabic source (a line break splits it)</source>
        <translation>الشبكة: تصحيح النص العربي المصدر (يقسمه فاصل السطر)</translation>
    </message>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="66"/>
        <source>Grid: join a sentence with the next</source>
        <translation>الشبكة: دمج جملة مع التالية</translation>
    </message>
    <message>
        <location filename="../reader/ui/help_dialogs.py" line="67"/>
        <source>Grid: undo, redo</source>
        <translation>الشبكة: تراجع، إعادة</translation>
    </message>
</context>
<context>
    <name>TranslationController</name>
    <message>
        <location filename="../reader/ui/translating.py" line="95"/>
        <source>Translation of the document stopped</source>
        <translation>توقفت ترجمة الوثيقة</translation>
    </message>
    <message numerus="yes">
        <location filename="../reader/ui/translating.py" line="135"/>
        <source>%n fix(es) of the Arabic on this page no longer match its text; they are kept.</source>
        <translation>
            <numerusform>لم يعد أي تصحيح للنص العربي في هذه الصفحة يطابق نصها؛ وهي محفوظة.</numerusform>
            <numerusform>لم يعد تصحيح واحد للنص العربي في هذه الصفحة يطابق نصها؛ وهو محفوظ.</numerusform>
            <numerusform>لم يعد تصحيحان للنص العربي في هذه الصفحة يطابقان نصها؛ وهما محفوظان.</numerusform>
            <numerusform>لم تعد %n تصحيحات للنص العربي في هذه الصفحة تطابق نصها؛ وهي محفوظة.</numerusform>
            <numerusform>لم يعد %n تصحيحًا للنص العربي في هذه الصفحة يطابق نصها؛ وهي محفوظة.</numerusform>
            <numerusform>لم يعد %n تصحيح للنص العربي في هذه الصفحة يطابق نصها؛ وهي محفوظة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="165"/>
        <source>Translation failed: %1</source>
        <translation>فشلت الترجمة: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="282"/>
        <source>The fix of the Arabic could not be saved: %1</source>
        <translation>تعذّر حفظ تصحيح النص العربي: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="298"/>
        <source>Fix of the Arabic</source>
        <translation>تصحيح النص العربي</translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="298"/>
        <source>Join of two segments</source>
        <translation>دمج مقطعين</translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="299"/>
        <source>Split of a segment</source>
        <translation>تقسيم مقطع</translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="327"/>
        <source>Translated: %1 / %2 pages</source>
        <translation>تُرجم: %1 / %2 صفحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="340"/>
        <source>Translation of the document stopped: %1</source>
        <translation>توقفت ترجمة المستند: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="387"/>
        <source>Select the Arabic of a term first.</source>
        <translation>حدّد النص العربي للمصطلح أولًا.</translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="391"/>
        <source>Add to the glossary</source>
        <translation>إضافة إلى المسرد</translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="393"/>
        <source>Only for this document</source>
        <translation>لهذه الوثيقة فقط</translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="399"/>
        <source>English for “%1”:</source>
        <translation>المقابل الإنجليزي لـ«%1»:</translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="415"/>
        <source>Added “%1” to the glossary.</source>
        <translation>أُضيف «%1» إلى المسرد.</translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="451"/>
        <source>Your correction could not be saved: %1</source>
        <translation>تعذّر حفظ تصحيحك: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/translating.py" line="462"/>
        <source>Other translations are ready in the sentence&apos;s menu.</source>
        <translation>الترجمات الأخرى جاهزة في قائمة الجملة.</translation>
    </message>
</context>
<context>
    <name>TranslationFiles</name>
    <message>
        <location filename="../reader/ui/translation_files.py" line="68"/>
        <source>Export translation</source>
        <translation>تصدير الترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="95"/>
        <source>Exporting the translation…</source>
        <translation>جارٍ تصدير الترجمة…</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="97"/>
        <source>The translation could not be exported: %1</source>
        <translation>تعذّر تصدير الترجمة: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="100"/>
        <source>Exported the translation to %1</source>
        <translation>صُدّرت الترجمة إلى %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="105"/>
        <source>Export the translation memory</source>
        <translation>تصدير ذاكرة الترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="128"/>
        <source>Wrote %1 translation units to %2</source>
        <translation>كُتبت %1 وحدة ترجمة في %2</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="130"/>
        <source>The translation memory could not be exported: %1</source>
        <translation>تعذّر تصدير ذاكرة الترجمة: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="135"/>
        <source>Add a TMX file to the translation memory</source>
        <translation>إضافة ملف TMX إلى ذاكرة الترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="151"/>
        <source>Added %1 translation units to the memory.</source>
        <translation>أُضيفت %1 وحدة ترجمة إلى الذاكرة.</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="152"/>
        <source>The TMX file could not be added: %1</source>
        <translation>تعذّرت إضافة ملف TMX: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="158"/>
        <source>Import a glossary</source>
        <translation>استيراد مسرد</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="159"/>
        <source>Glossaries (*.tbx *.csv *.tsv *.txt *.tab *.utf8);;All files (*)</source>
        <translation>المسارد (*.tbx *.csv *.tsv *.txt *.tab *.utf8);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="169"/>
        <source>Added %1 terms to the glossary.</source>
        <translation>أُضيف %1 من المصطلحات إلى المسرد.</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="175"/>
        <source>The glossary could not be imported: %1</source>
        <translation>تعذّر استيراد المسرد: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="179"/>
        <source>Export the glossary</source>
        <translation>تصدير المسرد</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="190"/>
        <source>Wrote %1 terms to %2</source>
        <translation>كُتب %1 من المصطلحات في %2</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="191"/>
        <source>The glossary could not be exported: %1</source>
        <translation>تعذّر تصدير المسرد: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="198"/>
        <location filename="../reader/ui/translation_files.py" line="234"/>
        <source>Import translations</source>
        <translation>استيراد الترجمات</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="220"/>
        <source>Importing translations…</source>
        <translation>جارٍ استيراد الترجمات…</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="221"/>
        <source>The translations could not be imported: %1</source>
        <translation>تعذّر استيراد الترجمات: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="226"/>
        <source>Imported %1 changed translations (%2 unchanged).</source>
        <translation>استُوردت %1 من الترجمات المعدّلة (%2 دون تغيير).</translation>
    </message>
    <message numerus="yes">
        <location filename="../reader/ui/translation_files.py" line="236"/>
        <source>%n unit(s) match no sentence of this document and were not imported:</source>
        <translation>
            <numerusform>لا تطابق أي وحدة أي جملة في هذه الوثيقة، ولم تُستورد:</numerusform>
            <numerusform>وحدة واحدة لا تطابق أي جملة في هذه الوثيقة، ولم تُستورد:</numerusform>
            <numerusform>وحدتان لا تطابقان أي جملة في هذه الوثيقة، ولم تُستوردا:</numerusform>
            <numerusform>%n وحدات لا تطابق أي جملة في هذه الوثيقة، ولم تُستورد:</numerusform>
            <numerusform>%n وحدةً لا تطابق أي جملة في هذه الوثيقة، ولم تُستورد:</numerusform>
            <numerusform>%n وحدة لا تطابق أي جملة في هذه الوثيقة، ولم تُستورد:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="248"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="274"/>
        <source>Stopped: nothing was written.</source>
        <translation>توقّف: لم يُكتب شيء.</translation>
    </message>
</context>
<context>
    <name>TranslationStores</name>
    <message>
        <location filename="../reader/ui/stores.py" line="52"/>
        <source>The translation memory was damaged. It was kept as %1 and a new one was started.</source>
        <translation>كانت ذاكرة الترجمة تالفة، فحُفظت باسم %1 وبُدئت ذاكرة جديدة.</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <location filename="../reader/ui/window_actions.py" line="217"/>
        <source>&amp;Open…</source>
        <translation>&amp;فتح…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="218"/>
        <source>Open the &amp;sample report</source>
        <translation>فتح التقرير ال&amp;تجريبي</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="219"/>
        <source>Install translation &amp;model from file…</source>
        <translation>تثبيت &amp;نموذج ترجمة من ملف…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="220"/>
        <source>Translation m&amp;odels…</source>
        <translation>&amp;نماذج الترجمة…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="221"/>
        <source>E&amp;xport translation…</source>
        <translation>&amp;تصدير الترجمة…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="222"/>
        <source>&amp;Print…</source>
        <translation>&amp;طباعة…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="223"/>
        <source>Import translations (&amp;XLIFF)…</source>
        <translation>استيراد الترجمات (&amp;XLIFF)…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="224"/>
        <source>&amp;Glossary</source>
        <translation>&amp;المسرد</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="225"/>
        <source>&amp;Add the selected Arabic as a term…</source>
        <translation>&amp;إضافة العربية المحددة مصطلحًا…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="226"/>
        <source>&amp;Import a glossary (TBX, CSV, TSV)…</source>
        <translation>ا&amp;ستيراد مسرد (TBX، CSV، TSV)…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="227"/>
        <source>&amp;Export the glossary (TBX, CSV)…</source>
        <translation>ت&amp;صدير المسرد (TBX، CSV)…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="228"/>
        <source>&amp;Stop translating the document</source>
        <translation>&amp;إيقاف ترجمة الوثيقة</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="229"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;التفضيلات…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="230"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="231"/>
        <source>&amp;First page</source>
        <translation>الصفحة الأ&amp;ولى</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="232"/>
        <source>&amp;Previous page</source>
        <translation>الصفحة ال&amp;سابقة</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="233"/>
        <source>&amp;Next page</source>
        <translation>الصفحة ال&amp;تالية</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="234"/>
        <source>&amp;Last page</source>
        <translation>الصفحة الأ&amp;خيرة</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="235"/>
        <source>&amp;Go to page…</source>
        <translation>&amp;انتقال إلى صفحة…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="236"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="237"/>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="238"/>
        <source>&amp;Actual size</source>
        <translation>الحجم ال&amp;فعلي</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="239"/>
        <source>Fit &amp;width</source>
        <translation>ملاءمة ال&amp;عرض</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="240"/>
        <source>Fit &amp;page</source>
        <translation>ملاءمة ال&amp;صفحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="241"/>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="242"/>
        <source>Find &amp;next</source>
        <translation>البحث عن ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="243"/>
        <source>Find pre&amp;vious</source>
        <translation>البحث عن ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="244"/>
        <source>&amp;About Qari</source>
        <translation>&amp;عن قارئ</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="245"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>ا&amp;ختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="246"/>
        <source>&amp;First steps</source>
        <translation>ال&amp;خطوات الأولى</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="247"/>
        <source>&amp;Highlight the selection</source>
        <translation>&amp;ظلّل التحديد</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="248"/>
        <source>&amp;Underline the selection</source>
        <translation>&amp;سطّر تحت التحديد</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="249"/>
        <source>Stri&amp;ke through the selection</source>
        <translation>ا&amp;شطب التحديد</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="250"/>
        <source>New &amp;note on the document…</source>
        <translation>&amp;ملاحظة جديدة على الوثيقة…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="255"/>
        <source>&amp;Import annotations…</source>
        <translation>ا&amp;ستيراد التعليقات…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="256"/>
        <source>&amp;Export notes (Markdown)…</source>
        <translation>&amp;تصدير الملاحظات (ماركداون)…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="257"/>
        <source>Export annotations (&amp;W3C JSON)…</source>
        <translation>تصدير التعليقات (&amp;W3C JSON)…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="258"/>
        <source>Export an annotated &amp;copy of the PDF…</source>
        <translation>تصدير &amp;نسخة PDF مع التعليقات…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="259"/>
        <source>Read this page with &amp;OCR</source>
        <translation>اقرأ هذه الصفحة بالتعرّف الضوئي (&amp;OCR)</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="260"/>
        <source>Read the whole document with OC&amp;R</source>
        <translation>اقرأ الوثيقة كلها بالتعرّف الضوئي (OC&amp;R)</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="261"/>
        <source>Stop reading with OCR</source>
        <translation>أوقف القراءة بالتعرّف الضوئي</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="262"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="263"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="264"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="265"/>
        <source>&amp;Colour</source>
        <translation>ال&amp;لون</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="266"/>
        <source>Open &amp;recent</source>
        <translation>الملفات ال&amp;أخيرة</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="267"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="268"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="269"/>
        <source>Pa&amp;nes</source>
        <translation>الأ&amp;جزاء</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="270"/>
        <source>Side pa&amp;nels</source>
        <translation>الألواح ال&amp;جانبية</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="271"/>
        <source>&amp;Theme</source>
        <translation>&amp;السمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="272"/>
        <source>&amp;Go</source>
        <translation>&amp;انتقال</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="273"/>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="274"/>
        <source>Toolbar</source>
        <translation>شريط الأدوات</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="320"/>
        <source>Add a note here…</source>
        <translation>أضف ملاحظة هنا…</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="351"/>
        <source>About Qari</source>
        <translation>عن قارئ</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_actions.py" line="352"/>
        <source>&lt;b&gt;Qari %1&lt;/b&gt;&lt;p&gt;An offline reader for the bilingual review of Arabic reports.&lt;/p&gt;&lt;p&gt;Licensed under the GNU Affero General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;b&gt;قارئ %1&lt;/b&gt;&lt;p&gt;قارئ يعمل دون اتصال لمراجعة التقارير العربية بلغتين.&lt;/p&gt;&lt;p&gt;مرخّص بموجب رخصة غنو أفيرو العمومية، الإصدار 3 أو أي إصدار لاحق.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <location filename="../reader/ui/window_state.py" line="48"/>
        <source>&amp;Page</source>
        <translation>&amp;الصفحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_state.py" line="49"/>
        <source>&amp;Arabic text</source>
        <translation>النص ال&amp;عربي</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_state.py" line="50"/>
        <source>&amp;Translation</source>
        <translation>ال&amp;ترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_state.py" line="51"/>
        <source>&amp;Dark theme</source>
        <translation>السمة ال&amp;داكنة</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_state.py" line="52"/>
        <source>Follow the &amp;system</source>
        <translation>حسب ال&amp;نظام</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_state.py" line="53"/>
        <source>&amp;Light</source>
        <translation>&amp;فاتحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/window_state.py" line="54"/>
        <source>&amp;Dark</source>
        <translation>&amp;داكنة</translation>
    </message>
</context>
<context>
    <name>_ExportOptions</name>
    <message>
        <location filename="../reader/ui/translation_files.py" line="281"/>
        <source>Export translation</source>
        <translation>تصدير الترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="283"/>
        <source>Word document (.docx)</source>
        <translation>مستند Word ‏(.docx)</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="284"/>
        <source>OpenDocument text (.odt)</source>
        <translation>نص OpenDocument ‏(.odt)</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="284"/>
        <source>Web page (.html)</source>
        <translation>صفحة ويب (.html)</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="285"/>
        <source>Markdown (.md)</source>
        <translation>ماركداون (.md)</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="286"/>
        <source>Translation memory (TMX)</source>
        <translation>ذاكرة ترجمة (TMX)</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="287"/>
        <source>XLIFF 1.2 for a CAT tool (.xlf)</source>
        <translation>XLIFF 1.2 لأدوات الترجمة بمساعدة الحاسوب (.xlf)</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="290"/>
        <source>Arabic beside English, sentence by sentence</source>
        <translation>العربية بجانب الإنجليزية، جملةً جملة</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="292"/>
        <source>Only English a translator confirmed</source>
        <translation>الإنجليزية التي أكّدها مترجم فقط</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_files.py" line="298"/>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
</context>
</TS>
