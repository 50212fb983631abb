"""The learned section schema (corpus/schema.yaml): loaded and checked."""
from __future__ import annotations

from pathlib import Path

from .errors import ReportgenError


def load_schema(path: str | Path | None = None) -> dict:
    """The learned schema: the bundled corpus/schema.yaml, or an office's own."""
    import yaml

    from .resources import schema_path
    from .yamlio import load_data_file, load_yaml

    path = Path(path or schema_path())
    try:
        data = load_data_file(path)  # fast: no line tracking while all is well
    except (ReportgenError, yaml.YAMLError):
        data = None  # read again below, with lines, for the located message
    if isinstance(data, dict) and "报告类型" in data and "主题" in data:
        return data
    src = load_yaml(path)  # read again with lines, for a located message
    raise ReportgenError(src.problem("不是 reportgen learn 生成的结构文件(缺少“报告类型”或“主题”)",
                                     hint="用 reportgen learn 语料目录 -o 文件 生成"))
