<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../reader/ui/docks.py" line="187" />
        <source>No annotations yet. Highlights, comments and notes on this document will be listed here.</source>
        <translation>لا توجد تعليقات بعد. ستظهر هنا الإبرازات والتعليقات والملاحظات على هذه الوثيقة.</translation>
    </message>
</context>
<context>
    <name>ArabicTextPane</name>
    <message>
        <location filename="../reader/ui/panes.py" line="64" />
        <source>Arabic text</source>
        <translation>النص العربي</translation>
    </message>
    <message>
        <location filename="../reader/ui/panes.py" line="65" />
        <source>Open a PDF to see its text here.</source>
        <translation>افتح ملف PDF ليظهر نصه هنا.</translation>
    </message>
    <message>
        <location filename="../reader/ui/panes.py" line="74" />
        <source>Reading page %1…</source>
        <translation>جارٍ قراءة الصفحة %1…</translation>
    </message>
    <message>
        <location filename="../reader/ui/panes.py" line="89" />
        <location filename="../reader/ui/panes.py" line="177" />
        <source>This page has no text layer.</source>
        <translation>لا تحتوي هذه الصفحة على طبقة نصية.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../reader/ui/find_bar.py" line="53" />
        <source>Find:</source>
        <translation>بحث:</translation>
    </message>
    <message>
        <location filename="../reader/ui/find_bar.py" line="54" />
        <source>Search the document (harakat are ignored)</source>
        <translation>ابحث في الوثيقة (تُتجاهل الحركات)</translation>
    </message>
    <message>
        <location filename="../reader/ui/find_bar.py" line="55" />
        <source>Previous match (Shift+F3)</source>
        <translation>النتيجة السابقة (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../reader/ui/find_bar.py" line="56" />
        <source>Next match (F3)</source>
        <translation>النتيجة التالية (F3)</translation>
    </message>
    <message>
        <location filename="../reader/ui/find_bar.py" line="57" />
        <source>Close the find bar (Esc)</source>
        <translation>إغلاق شريط البحث (Esc)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../reader/ui/main_window.py" line="369" />
        <source>&amp;Open…</source>
        <translation>&amp;فتح…</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="370" />
        <source>Open the &amp;sample report</source>
        <translation>فتح التقرير ال&amp;تجريبي</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="371" />
        <source>Install translation &amp;model from file…</source>
        <translation>تثبيت &amp;نموذج ترجمة من ملف…</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="372" />
        <source>Translation m&amp;odels…</source>
        <translation>&amp;نماذج الترجمة…</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="373" />
        <source>&amp;Stop translating the document</source>
        <translation>&amp;إيقاف ترجمة الوثيقة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="374" />
        <source>&amp;Preferences…</source>
        <translation>&amp;التفضيلات…</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="375" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="376" />
        <source>&amp;First page</source>
        <translation>الصفحة الأ&amp;ولى</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="377" />
        <source>&amp;Previous page</source>
        <translation>الصفحة ال&amp;سابقة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="378" />
        <source>&amp;Next page</source>
        <translation>الصفحة ال&amp;تالية</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="379" />
        <source>&amp;Last page</source>
        <translation>الصفحة الأ&amp;خيرة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="380" />
        <source>&amp;Go to page…</source>
        <translation>&amp;انتقال إلى صفحة…</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="381" />
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="382" />
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="383" />
        <source>&amp;Actual size</source>
        <translation>الحجم ال&amp;فعلي</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="384" />
        <source>Fit &amp;width</source>
        <translation>ملاءمة ال&amp;عرض</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="385" />
        <source>Fit &amp;page</source>
        <translation>ملاءمة ال&amp;صفحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="386" />
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="387" />
        <source>Find &amp;next</source>
        <translation>البحث عن ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="388" />
        <source>Find pre&amp;vious</source>
        <translation>البحث عن ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="389" />
        <source>&amp;Page</source>
        <translation>&amp;الصفحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="390" />
        <source>&amp;Arabic text</source>
        <translation>النص ال&amp;عربي</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="391" />
        <source>&amp;Translation</source>
        <translation>ال&amp;ترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="392" />
        <source>&amp;Dark theme</source>
        <translation>السمة ال&amp;داكنة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="393" />
        <source>Follow the &amp;system</source>
        <translation>حسب ال&amp;نظام</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="394" />
        <source>&amp;Light</source>
        <translation>&amp;فاتحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="395" />
        <source>&amp;Dark</source>
        <translation>&amp;داكنة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="396" />
        <source>&amp;About Qari</source>
        <translation>&amp;عن قارئ</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="397" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="398" />
        <source>Open &amp;recent</source>
        <translation>الملفات ال&amp;أخيرة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="399" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="400" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="401" />
        <source>Pa&amp;nes</source>
        <translation>الأ&amp;جزاء</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="402" />
        <source>Side pa&amp;nels</source>
        <translation>الألواح ال&amp;جانبية</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="403" />
        <source>&amp;Theme</source>
        <translation>&amp;السمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="404" />
        <source>&amp;Go</source>
        <translation>&amp;انتقال</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="405" />
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="406" />
        <source>Toolbar</source>
        <translation>شريط الأدوات</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="407" />
        <source>Pages</source>
        <translation>الصفحات</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="408" />
        <source>Outline</source>
        <translation>المخطط</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="409" />
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="410" />
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="411" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="412" />
        <source>Stop the search</source>
        <translation>إيقاف البحث</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="464" />
        <source>Open a PDF</source>
        <translation>فتح ملف PDF</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="465" />
        <source>PDF documents (*.pdf);;All files (*)</source>
        <translation>وثائق PDF (*.pdf);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="472" />
        <source>Opening %1…</source>
        <translation>جارٍ فتح %1…</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="488" />
        <source>The password was not correct. Enter the password for “%1”:</source>
        <translation>كلمة المرور غير صحيحة. أدخل كلمة مرور «%1»:</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="489" />
        <source>“%1” is protected. Enter its password:</source>
        <translation>«%1» محمي بكلمة مرور. أدخل كلمة المرور:</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="490" />
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="564" />
        <source>The file was damaged; Qari repaired what it could.</source>
        <translation>كان الملف تالفًا، وأصلح قارئ ما أمكن إصلاحه.</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="565" />
        <source>Opened %1 (%2 pages)</source>
        <translation>فُتح %1 (%2 صفحات)</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="585" />
        <source>Text: %1 / %2 pages</source>
        <translation>النص: %1 / %2 صفحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="599" />
        <source>Some pages could not be read</source>
        <translation>تعذرت قراءة بعض الصفحات</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="623" />
        <source>No recent files</source>
        <translation>لا توجد ملفات حديثة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="627" />
        <source>Clear the list</source>
        <translation>مسح القائمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="690" />
        <source>The text of this page cannot be read.</source>
        <translation>تتعذر قراءة نص هذه الصفحة.</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="700" />
        <source>No text layer (a scanned page?)</source>
        <translation>لا توجد طبقة نصية (صفحة ممسوحة ضوئيًا؟)</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="702" />
        <source>Text stored in visual order: reordered</source>
        <translation>النص مخزّن بالترتيب المرئي: أُعيد ترتيبه</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="704" />
        <source>%1 glyphs recovered from the font</source>
        <translation>استُعيد %1 حرفًا من الخط</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="707" />
        <source>%1 glyphs unreadable</source>
        <translation>%1 حرفًا تتعذر قراءتها</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="710" />
        <source>How the text of this page was obtained from the PDF's text layer.</source>
        <translation>كيف استُخرج نص هذه الصفحة من الطبقة النصية لملف PDF.</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="733" />
        <source>Page %1 cannot be displayed: %2</source>
        <translation>يتعذر عرض الصفحة %1: %2</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="738" />
        <source>No document</source>
        <translation>لا توجد وثيقة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="745" />
        <source>Page %1 of %2</source>
        <translation>الصفحة %1 من %2</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="795" />
        <source>Searching %p%</source>
        <translation>جارٍ البحث %p%</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="808" />
        <source>p. %1</source>
        <translation>ص %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="821" />
        <source>The search failed: %1</source>
        <translation>فشل البحث: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="850" />
        <source>No matches</source>
        <translation>لا توجد نتائج</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="852" />
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="927" />
        <source>The translation model cannot be loaded: %1</source>
        <translation>يتعذر تحميل نموذج الترجمة: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="953" />
        <source>Translation failed: %1</source>
        <translation>فشلت الترجمة: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="979" />
        <source>Translated: %1 / %2 pages</source>
        <translation>تُرجم: %1 / %2 صفحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="1018" />
        <source>Other translations are ready in the sentence's menu.</source>
        <translation>الترجمات الأخرى جاهزة في قائمة الجملة.</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="1040" />
        <source>Translation of the document stopped</source>
        <translation>توقفت ترجمة الوثيقة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="1044" />
        <source>Install a translation model</source>
        <translation>تثبيت نموذج ترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="1045" />
        <source>Argos Translate models (*.argosmodel);;All files (*)</source>
        <translation>نماذج Argos Translate (*.argosmodel);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="1050" />
        <source>Installing %1…</source>
        <translation>جارٍ تثبيت %1…</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="1053" />
        <source>Installed the translation model %1.</source>
        <translation>ثُبّت نموذج الترجمة %1.</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="1060" />
        <source>This translation model cannot be installed: %1</source>
        <translation>لا يمكن تثبيت نموذج الترجمة هذا: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="1063" />
        <source>Installing the model failed: %1</source>
        <translation>فشل تثبيت النموذج: %1</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="1079" />
        <source>About Qari</source>
        <translation>عن قارئ</translation>
    </message>
    <message>
        <location filename="../reader/ui/main_window.py" line="1080" />
        <source>&lt;b&gt;Qari %1&lt;/b&gt;&lt;p&gt;An offline reader for the bilingual review of Arabic reports.&lt;/p&gt;&lt;p&gt;Licensed under the GNU Affero General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;b&gt;قارئ %1&lt;/b&gt;&lt;p&gt;قارئ يعمل دون اتصال لمراجعة التقارير العربية بلغتين.&lt;/p&gt;&lt;p&gt;مرخّص بموجب رخصة غنو أفيرو العمومية، الإصدار 3 أو أي إصدار لاحق.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../reader/ui/messages.py" line="14" />
        <source>The file “%1” does not exist. It may have been moved or deleted.</source>
        <translation>الملف «%1» غير موجود. ربما نُقل أو حُذف.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="16" />
        <source>“%1” is a folder, not a PDF file.</source>
        <translation>«%1» مجلد وليس ملف PDF.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="18" />
        <source>The file “%1” cannot be read. Check that you have permission to open it.</source>
        <translation>تتعذر قراءة الملف «%1». تحقق من أن لديك إذنًا بفتحه.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="20" />
        <source>The file “%1” is empty (0 bytes). It may not have finished downloading.</source>
        <translation>الملف «%1» فارغ (0 بايت). ربما لم يكتمل تنزيله.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="22" />
        <source>The file “%1” is not a PDF document, even though its name may say so.</source>
        <translation>الملف «%1» ليس وثيقة PDF، وإن أوحى اسمه بذلك.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="24" />
        <source>The PDF “%1” is damaged and cannot be opened. Try downloading or copying it again.</source>
        <translation>ملف PDF ‏«%1» تالف ولا يمكن فتحه. حاول تنزيله أو نسخه من جديد.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="27" />
        <source>The PDF “%1” is incomplete: the file ends too early, probably because a download or copy was interrupted. Get the file again.</source>
        <translation>ملف PDF ‏«%1» غير مكتمل: ينتهي الملف قبل أوانه، ربما لانقطاع التنزيل أو النسخ. احصل على الملف من جديد.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="30" />
        <source>The PDF “%1” contains no pages.</source>
        <translation>لا يحتوي ملف PDF ‏«%1» على أي صفحة.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="32" />
        <source>The PDF “%1” is protected by a password.</source>
        <translation>ملف PDF ‏«%1» محمي بكلمة مرور.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="34" />
        <source>The password for “%1” is not correct. The document was not opened.</source>
        <translation>كلمة مرور «%1» غير صحيحة. لم تُفتح الوثيقة.</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="36" />
        <source>A page of “%1” cannot be displayed.</source>
        <translation>يتعذر عرض إحدى صفحات «%1».</translation>
    </message>
    <message>
        <location filename="../reader/ui/messages.py" line="39" />
        <source>“%1” could not be opened: %2</source>
        <translation>تعذر فتح «%1»: %2</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="29" />
        <source>Translation models</source>
        <translation>نماذج الترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="31" />
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="31" />
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="31" />
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="32" />
        <source>Folder</source>
        <translation>المجلد</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="34" />
        <source>No translation model is installed.</source>
        <translation>لا يوجد نموذج ترجمة مثبّت.</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="35" />
        <source>Install from file…</source>
        <translation>تثبيت من ملف…</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="36" />
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="70" />
        <source>Install a translation model</source>
        <translation>تثبيت نموذج ترجمة</translation>
    </message>
    <message>
        <location filename="../reader/ui/models_dialog.py" line="71" />
        <source>Argos Translate models (*.argosmodel);;All files (*)</source>
        <translation>نماذج Argos Translate (*.argosmodel);;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../reader/ui/preferences.py" line="27" />
        <source>As the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="33" />
        <source>Follow the system</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="33" />
        <source>Light</source>
        <translation>فاتحة</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="34" />
        <source>Dark</source>
        <translation>داكنة</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="44" />
        <source>A new language applies the next time Qari starts.</source>
        <translation>تُطبَّق اللغة الجديدة عند تشغيل قارئ في المرة القادمة.</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="51" />
        <source>Interface language:</source>
        <translation>لغة الواجهة:</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="53" />
        <source>Theme:</source>
        <translation>السمة:</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="54" />
        <source>Translation threads:</source>
        <translation>خيوط الترجمة:</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="55" />
        <source>Translation beam size:</source>
        <translation>عرض حزمة البحث في الترجمة:</translation>
    </message>
    <message>
        <location filename="../reader/ui/preferences.py" line="57" />
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="../reader/ui/i18n.py" line="25" />
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>TranslationPane</name>
    <message>
        <location filename="../reader/ui/translation_pane.py" line="97" />
        <source>English translation</source>
        <translation>الترجمة الإنجليزية</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_pane.py" line="98" />
        <source>Install model from file…</source>
        <translation>تثبيت نموذج من ملف…</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_pane.py" line="102" />
        <source>Model: %1. Double-click a sentence to correct it; Ctrl+Enter marks it reviewed.</source>
        <translation>النموذج: %1. انقر نقرًا مزدوجًا على جملة لتصحيحها؛ Ctrl+Enter يعلّمها مراجَعة.</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_pane.py" line="146" />
        <source>machine translation</source>
        <translation>ترجمة آلية</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_pane.py" line="146" />
        <source>edited</source>
        <translation>معدّلة</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_pane.py" line="147" />
        <source>reviewed</source>
        <translation>مراجَعة</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_pane.py" line="148" />
        <source>Arabic left in the English</source>
        <translation>بقي نص عربي في الترجمة الإنجليزية</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_pane.py" line="149" />
        <source>the output equals the input</source>
        <translation>الناتج مطابق للمدخل</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_pane.py" line="150" />
        <source>unusual length</source>
        <translation>طول غير معتاد</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_pane.py" line="222" />
        <source>Show other translations</source>
        <translation>عرض ترجمات أخرى</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_pane.py" line="225" />
        <source>Mark as reviewed</source>
        <translation>تعليم كمراجَعة</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_pane.py" line="228" />
        <source>Copy the page as bilingual text</source>
        <translation>نسخ الصفحة نصًا ثنائي اللغة</translation>
    </message>
    <message>
        <location filename="../reader/ui/translation_pane.py" line="107" />
        <source>No Arabic→English translation model is installed.

Qari translates offline and never downloads anything by itself. On a computer with internet access, download the Argos Translate package “translate-ar_en” (a .argosmodel file), copy it to this computer, then choose “Install model from file…”.</source>
        <translation>لا يوجد نموذج ترجمة من العربية إلى الإنجليزية مثبّت.

يترجم قارئ دون اتصال بالإنترنت ولا ينزّل شيئًا من تلقاء نفسه. نزّل حزمة Argos Translate ‏«translate-ar_en» (ملف ‎.argosmodel) على حاسوب متصل بالإنترنت، وانسخها إلى هذا الحاسوب، ثم اختر «تثبيت نموذج من ملف…».</translation>
    </message>
</context>
</TS>