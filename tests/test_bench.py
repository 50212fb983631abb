"""The benchmark's synthetic corpus still builds and learns (make bench is not run by CI)."""
import sys

from conftest import ROOT


def test_the_synthetic_corpus_is_written_and_learned_from(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    import synth

    from generator.learn import learn

    paths = synth.write_reports(tmp_path / "corpus", 3)
    assert len(paths) == 3 and all(p.read_text(encoding="utf-8").count("\n") > 20 for p in paths)
    schema = learn(tmp_path / "corpus")
    assert schema["来源"] == [p.name for p in paths] and schema["报告类型"]
