"""The floor: a bare python-docx script writing the same paragraphs with the same page set-up."""
import json
import sys

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

paragraphs = json.load(open(sys.argv[1], encoding="utf-8"))
doc = Document()
sec = doc.sections[0]
sec.page_width, sec.page_height = Mm(210), Mm(297)
sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
grid = sec._sectPr.find(qn("w:docGrid"))
grid.set(qn("w:type"), "lines")
grid.set(qn("w:linePitch"), "579")
normal = doc.styles["Normal"]
normal.font.size = Pt(16)
normal.font.name = "Times New Roman"
normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
for style, lead, text in paragraphs:
    p = doc.add_paragraph(style=style)
    if lead:
        p.add_run(lead).bold = True
    p.add_run(text)
footer = sec.footer.paragraphs[0]
footer.add_run("— ")
run = footer.add_run()
for kind, instr in (("begin", None), (None, " PAGE "), ("end", None)):
    if kind:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
    else:
        el = OxmlElement("w:instrText")
        el.text = instr
    run._r.append(el)
footer.add_run(" —")
doc.save(sys.argv[2])
