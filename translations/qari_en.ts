<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnnotationController</name>
    <message numerus="yes">
        <location filename="../reader/ui/annotating.py" line="374"/>
        <source>%n annotation(s) imported.</source>
        <translation>
            <numerusform>%n annotation imported.</numerusform>
            <numerusform>%n annotations imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../reader/ui/annotating.py" line="400"/>
        <source>%n annotation(s) written to %1</source>
        <translation>
            <numerusform>%n annotation written to %1</numerusform>
            <numerusform>%n annotations written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message numerus="yes">
        <location filename="../reader/ui/annotations_panel.py" line="422"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NavigationController</name>
    <message numerus="yes">
        <location filename="../reader/ui/navigation.py" line="149"/>
        <source>%n glyph(s) named by OCR and the fonts</source>
        <translation>
            <numerusform>%n glyph named by OCR and the fonts</numerusform>
            <numerusform>%n glyphs named by OCR and the fonts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../reader/ui/navigation.py" line="147"/>
        <source>%n glyph(s) recovered from the font</source>
        <translation>
            <numerusform>%n glyph recovered from the font</numerusform>
            <numerusform>%n glyphs recovered from the font</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../reader/ui/navigation.py" line="149"/>
        <source>%n glyph(s) unreadable</source>
        <translation>
            <numerusform>%n glyph unreadable</numerusform>
            <numerusform>%n glyphs unreadable</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message numerus="yes">
        <location filename="../reader/ui/printing.py" line="84"/>
        <source>%n page(s) printed.</source>
        <translation>
            <numerusform>%n page printed.</numerusform>
            <numerusform>%n pages printed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranslationController</name>
    <message numerus="yes">
        <location filename="../reader/ui/translating.py" line="135"/>
        <source>%n fix(es) of the Arabic on this page no longer match its text; they are kept.</source>
        <translation>
            <numerusform>%n fix of the Arabic on this page no longer matches its text; it is kept.</numerusform>
            <numerusform>%n fixes of the Arabic on this page no longer match its text; they are kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranslationFiles</name>
    <message numerus="yes">
        <location filename="../reader/ui/translation_files.py" line="236"/>
        <source>%n unit(s) match no sentence of this document and were not imported:</source>
        <translation>
            <numerusform>%n unit matches no sentence of this document and was not imported:</numerusform>
            <numerusform>%n units match no sentence of this document and were not imported:</numerusform>
        </translation>
    </message>
</context>
</TS>
