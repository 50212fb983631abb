"""docxtpl: the same paragraphs rendered from a Word template (made once by run.py)."""
import json
import sys

from docxtpl import DocxTemplate

paragraphs = json.load(open(sys.argv[1], encoding="utf-8"))
tpl = DocxTemplate(sys.argv[2])
tpl.render({"paragraphs": [lead + text for _, lead, text in paragraphs]})
tpl.save(sys.argv[3])
