"""A person's YAML text moved to new data in place: changed values replaced where they stand;
entries and list items added, removed or moved as whole lines, each with the comments above it;
everything else (comments, key order, blank lines, layout) kept as written."""
from __future__ import annotations

import json

import yaml

from .yamlio import _Base, TextEdits


class Unsupported(Exception):
    """The text has something an in-place edit can't keep (an alias, an unusual layout)."""


def scalar_text(value) -> str:
    """A value as YAML text that reads back as the same value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return str(value)
    plain = yaml.safe_dump(str(value), allow_unicode=True, width=100000)
    if plain.endswith("\n...\n") and "\n" not in plain[:-5]:
        return plain[:-5]                                # as PyYAML writes it: plain when it reads back
    return json.dumps(str(value), ensure_ascii=False)   # a JSON string is a YAML double-quoted one


class _Dumper(yaml.SafeDumper):
    """New entries in the layout people write: lists indented under their key, long text as |."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def block_text(value, indent: int) -> str:
    """`value` (a one-entry mapping or a one-item list) as block YAML lines at `indent` columns."""
    out = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000,
                    default_flow_style=False)
    return "".join(" " * indent + line if line.strip() else line for line in out.splitlines(True))


def flow_text(value) -> str:
    if not isinstance(value, (dict, list)):
        return scalar_text(value)
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000,
                     default_flow_style=True).strip()


def _same(a, b) -> bool:
    """The same data, types and key order included (1 is not True, 1 is not 1.0)."""
    return _typed(a) == _typed(b)


def _typed(v):
    if isinstance(v, dict):
        return [(k, _typed(x)) for k, x in v.items()]
    if isinstance(v, list):
        return [_typed(x) for x in v]
    return (type(v).__name__, v)


def _simple(value) -> bool:
    """Fit for one line: scalars without line breaks, one level deep."""
    items = value.values() if isinstance(value, dict) else value
    return all(not isinstance(v, (dict, list)) and "\n" not in str(v) for v in items)


def _identity(value):
    """What names a list item across edits: a mapping's first text value (its heading)."""
    if isinstance(value, dict):
        for v in value.values():
            return v if isinstance(v, str) else None
    return None


def match_items(old: list, new: list) -> list[int | None]:
    """For each new item, the old item it is (equal, else the same heading, else — when as many
    items are left on both sides — the one at the same rank), or None for an added item."""
    taken: set[int] = set()
    got: list[int | None] = [None] * len(new)

    def claim(test):
        for i, v in enumerate(new):
            if got[i] is None:
                for j, w in enumerate(old):
                    if j not in taken and test(v, w):
                        got[i] = j
                        taken.add(j)
                        break

    claim(_same)
    claim(lambda v, w: _identity(v) is not None and _identity(v) == _identity(w))
    rest = [j for j in range(len(old)) if j not in taken]
    if len(rest) == got.count(None):   # as many changed as there were: edited in place
        for i, j in zip([i for i, j in enumerate(got) if j is None], rest):
            got[i] = j
    return got


class _Editor:
    def __init__(self, text: str):
        self.text = text
        self.seen: set[int] = set()

    # positions -------------------------------------------------------------------------------
    def line_start(self, i: int) -> int:
        return self.text.rfind("\n", 0, i) + 1

    def line_end(self, i: int) -> int:
        j = self.text.find("\n", i)
        return len(self.text) if j < 0 else j + 1

    def column(self, i: int) -> int:
        return i - self.line_start(i)

    def real_end(self, node) -> int | None:
        """Where the node's own text ends (not the next token's start)."""
        if isinstance(node, yaml.ScalarNode):
            start, end = node.start_mark.index, node.end_mark.index
            if start == end:
                return None
            if node.style in ("|", ">"):
                while end > start and self.text[end - 1] in " \n\r\t":
                    end -= 1
            return end
        if node.flow_style:
            return node.end_mark.index
        ends = [self.real_end(n) for pair in self._children(node) for n in pair if n is not None]
        ends = [e for e in ends if e is not None]
        return max(ends) if ends else None

    @staticmethod
    def _children(node):
        if isinstance(node, yaml.MappingNode):
            return list(node.value)
        return [(None, v) for v in node.value]

    def dash(self, seq, item) -> int:
        """The `-` that opens a block sequence's item."""
        col = self.column(seq.start_mark.index)
        i = item.start_mark.index - 1
        while i >= 0:
            ls = self.line_start(i)
            if self.text[ls:ls + col].strip() == "" and self.text[ls + col:ls + col + 1] == "-":
                return ls + col
            i = ls - 1
        raise Unsupported("dash")

    # edits -----------------------------------------------------------------------------------
    def edits(self, node, old, new, ctx=("root", None)) -> list[tuple[int, int, str]]:
        """Edits turning `node` (data `old`) into `new`. ctx: where the node stands — ("key", key
        node), ("item", sequence node), ("flow", None) or ("root", None)."""
        if id(node) in self.seen:
            raise Unsupported("alias")
        self.seen.add(id(node))
        if _same(old, new):
            return []
        if isinstance(node, yaml.ScalarNode) and not isinstance(new, (dict, list)):
            return [self.scalar(node, new, ctx[0] == "flow")]
        if isinstance(node, yaml.ScalarNode) or type(old) is not type(new) or not new:
            return [self.whole(node, new, ctx)]
        if node.flow_style:
            if isinstance(new, list) and len(new) == len(old) or isinstance(new, dict) and list(new) == list(old):
                return self.inner(node, old, new, flow=True)
            if old and _simple(new):       # [a, b] stays a one-line list
                return [(node.start_mark.index, node.end_mark.index, flow_text(new))]
            return [self.whole(node, new, ctx)]
        if isinstance(new, dict) and list(map(str, old)) == list(new):
            return self.inner(node, old, new)
        if isinstance(new, list) and match_items(old, new) == list(range(len(old))):
            return self.inner(node, old, new)
        return [self.rebuild(node, old, new)]

    def inner(self, node, old, new, flow=False):
        out = []
        if isinstance(node, yaml.MappingNode):
            for (k, v), key in zip(node.value, new):
                out += self.edits(v, old[key], new[key], ("flow", None) if flow else ("key", k))
        else:
            for v, a, b in zip(node.value, old, new):
                out += self.edits(v, a, b, ("flow", None) if flow else ("item", node))
        return out

    def scalar(self, node, new, in_flow):
        start, end = node.start_mark.index, node.end_mark.index
        value = scalar_text(new)
        if new is None and in_flow:
            value = "~"                   # [a, , b] is no list: an empty item is ~
        if start == end:
            if self.text[start - 1:start] not in ":-":
                raise Unsupported("empty value away from its key")
            value = " " + value           # 键: (nothing yet) -> 键: 5
        if node.style in ("|", ">"):
            end = self.real_end(node)     # a block scalar's blank lines after it stay
        return start, end, value

    def whole(self, node, new, ctx):
        """The node's value written anew (a scalar became a list, a list emptied…), from just
        after its key's `:` or its item's `-`."""
        where, owner = ctx
        if where == "key":
            lead = self.text.index(":", owner.end_mark.index) + 1
            col = self.column(owner.start_mark.index)
        elif where == "item":
            lead = self.dash(owner, node) + 1
            col = lead - 1 - self.line_start(lead - 1)
        else:
            raise Unsupported("a whole document or flow item changed kind")
        end = self.real_end(node)
        end = lead if end is None else end
        if end < lead:
            raise Unsupported("value before its key")
        if isinstance(new, (dict, list)) and new:
            lines = block_text(new, col + 2).rstrip("\n")
            body = " " + lines.lstrip(" ") if where == "item" else "\n" + lines
        else:
            body = " " + flow_text(new)
        return lead, end, body

    def chunks(self, node):
        """Each child's lines: (start, end) spans that tile the collection's text."""
        children = self._children(node)
        firsts, ends = [], []
        for k, v in children:
            first = k.start_mark.index if k is not None else self.dash(node, v)
            end = max(e for e in (self.real_end(k) if k is not None else None, self.real_end(v), first + 1)
                      if e is not None)
            firsts.append(first)
            ends.append(end)
        spans = []
        f0 = firsts[0]
        start = self.line_start(f0)
        compact = self.text[start:f0].strip() != ""
        if compact:
            start = f0
        else:
            col = f0 - start
            while start > 0:      # the comment lines just above the first child are its own
                prev = self.line_start(start - 1)
                line = self.text[prev:start]
                if not (line.strip().startswith("#") and self.column(prev + len(line) - len(line.lstrip(" "))) == col):
                    break
                start = prev
        for i in range(len(children)):
            s = start if i == 0 else self.line_end(ends[i - 1] - 1)
            spans.append((s, self.line_end(ends[i] - 1)))
        return spans, compact, self.column(f0)

    def rebuild(self, node, old, new):
        """A block collection whose children were added, removed or moved: its lines reassembled."""
        spans, compact, col = self.chunks(node)
        if isinstance(node, yaml.MappingNode):
            keys = [str(k.value) for k, _ in node.value]
            if len(set(keys)) < len(keys):
                raise Unsupported("repeated key")
            pairs = [(keys.index(k) if k in keys else None) for k in new]
            values = list(new.values())
            olds = [old[k] for k in keys]
            children = [v for _, v in node.value]
        else:
            pairs = match_items(old, new)
            values = new
            olds = old
            children = node.value

        def gap_and_body(text):
            body = text.lstrip("\n\r")
            cut = text[:len(text) - len(body)]
            # a blank line holding spaces is still a gap
            while body and body.split("\n", 1)[0].strip() == "" and "\n" in body:
                first, body = body.split("\n", 1)
                cut += first + "\n"
            return cut, body

        gaps = [gap_and_body(self.text[s:e])[0] for s, e in spans]
        parts = []
        for pos, (j, value) in enumerate(zip(pairs, values)):
            if j is None:
                one = {list(new)[pos]: value} if isinstance(new, dict) else [value]
                body = block_text(one, col)
            else:
                s, e = spans[j]
                ctx = ("key", node.value[j][0]) if isinstance(node, yaml.MappingNode) else ("item", node)
                edits = self.edits(children[j], olds[j], value, ctx)
                body = _apply(self.text, s, e, edits)
                if j == 0 and compact:
                    body = " " * col + body
                body = gap_and_body(body)[1]
            gap = gaps[min(pos, len(gaps) - 1)] if pos else ""
            parts.append(gap + body)
        out = "".join(parts)
        return spans[0][0], spans[-1][1], out.lstrip(" ") if compact else out


def _apply(text: str, start: int, end: int, edits) -> str:
    piece = TextEdits(text[start:end])
    for s, e, new in edits:
        if not (start <= s <= e <= end):
            raise Unsupported("edit outside its line")
        piece.replace(s - start, e - start, new)
    return piece.apply()


def edited_text(text: str, old, new) -> str:
    """`text` (whose data is `old`) changed to read as `new`; raises Unsupported when it can't be
    done in place."""
    root = yaml.compose(text, Loader=_Base)
    if root is None:
        raise Unsupported("empty")
    editor = _Editor(text)
    edits = TextEdits(text)
    for s, e, body in editor.edits(root, old, new):
        edits.replace(s, e, body)
    return edits.apply()
