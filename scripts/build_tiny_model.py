"""Build the tiny Arabic→English Argos package the tests use (no network, no torch).

    python scripts/build_tiny_model.py   →  tests/fixtures/translate-ar_en-tiny.argosmodel

A real package, made the way Argos packages are: a SentencePiece tokenizer trained on a few
hundred parallel sentences written for Qari, a CTranslate2 Transformer (2 encoder and 2
decoder layers, 4 heads) quantized to int8, a metadata.json, all zipped under one folder.
Its weights are seeded random numbers: it translates into deterministic gibberish, which is
all the tests need to exercise installing, loading, translating, caching and cancelling.
Rebuilding gives an equivalent package, not a byte-identical one (SentencePiece training):
the committed file is the fixture.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path

import ctranslate2
import numpy as np
import sentencepiece as spm
from ctranslate2.specs import transformer_spec

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "translate-ar_en-tiny.argosmodel"
FOLDER = "translate-ar_en-tiny"
D_MODEL, FFN, HEADS, LAYERS = 64, 128, 4, (2, 2)

SUBJECTS = [("الفريق", "the team"), ("المجلس المحلي", "the local council"),
            ("المنظمة", "the organisation"), ("الأسرة", "the family"),
            ("المزارع", "the farmer"), ("المدرسة", "the school")]
VERBS = [("يحتاج إلى", "needs"), ("يبني", "builds"), ("يصلح", "repairs"),
         ("يوزع", "distributes"), ("يراقب", "monitors")]
OBJECTS = [("الماء", "water"), ("خزانا جديدا", "a new tank"), ("الشبكة القديمة", "the old network"),
           ("التقرير", "the report"), ("المضخات", "the pumps"), ("الأنابيب", "the pipes")]
TIMES = [("اليوم", "today"), ("في الشتاء", "in winter"), ("كل شهر", "every month"),
         ("منذ عام 2020", "since 2020")]


def parallel_sentences() -> list[tuple[str, str]]:
    pairs = []
    for s_ar, s_en in SUBJECTS:
        for v_ar, v_en in VERBS:
            for o_ar, o_en in OBJECTS:
                for t_ar, t_en in TIMES[:2]:
                    pairs.append((f"{s_ar} {v_ar} {o_ar} {t_ar}.",
                                  f"{s_en.capitalize()} {v_en} {o_en} {t_en}."))
    return pairs


def train_tokenizer(folder: Path, pairs: list[tuple[str, str]]) -> list[str]:
    corpus = folder / "corpus.txt"
    corpus.write_text("\n".join(text for pair in pairs for text in pair), encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(folder / "sentencepiece"), vocab_size=80,
        hard_vocab_limit=False,
        character_coverage=1.0, model_type="unigram", num_threads=1,
        minloglevel=2)
    processor = spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _fill(spec: object, rng: np.random.RandomState, vocab: int, path: str = "") -> None:
    """Give every required weight of the spec a seeded random value of the right shape."""
    from ctranslate2.specs import model_spec

    for name, value in list(vars(spec).items()):
        if name.startswith("_"):
            continue
        here = f"{path}.{name}" if path else name
        if isinstance(value, model_spec.LayerSpec):
            _fill(value, rng, vocab, here)
        elif isinstance(value, list) and value and isinstance(value[0], model_spec.LayerSpec):
            for index, item in enumerate(value):
                _fill(item, rng, vocab, f"{here}[{index}]")
        elif value is None:
            setattr(spec, name, _weight(here, rng, vocab))


def _weight(path: str, rng: np.random.RandomState, vocab: int) -> np.ndarray:
    d = D_MODEL
    if path.endswith("gamma"):
        shape: tuple[int, ...] = (d,)
        return np.ones(shape, dtype=np.float32)
    if path.endswith("beta"):
        return np.zeros((d,), dtype=np.float32)
    if "embeddings" in path or path.endswith("projection.weight"):
        shape = (vocab, d)
    elif "self_attention.linear[0]" in path:
        shape = (3 * d, d)
    elif ".attention.linear[1]" in path:
        shape = (2 * d, d)
    elif "ffn.linear_0" in path:
        shape = (FFN, d)
    elif "ffn.linear_1" in path:
        shape = (d, FFN)
    else:
        shape = (d, d)
    return (rng.standard_normal(shape) * 0.2).astype(np.float32)


class _TinyConverter(ctranslate2.converters.Converter):
    def __init__(self, pieces: list[str], positions: int = 0) -> None:
        self.pieces = pieces
        self.positions = positions

    def _load(self) -> transformer_spec.TransformerSpec:
        spec = transformer_spec.TransformerSpec.from_config(LAYERS, HEADS)
        rng = np.random.RandomState(2026)
        if self.positions:  # stored encodings: the model has that many positions, no more
            for side in (spec.encoder, spec.decoder):
                side.position_encodings.encodings = (
                    rng.standard_normal((self.positions, D_MODEL)) * 0.1).astype(np.float32)
        _fill(spec, rng, len(self.pieces))
        spec.register_source_vocabulary(self.pieces)
        spec.register_target_vocabulary(self.pieces)
        return spec


def build(out: Path = OUT, positions: int = 0, version: str = "0.1") -> Path:
    """The package at ``out``; ``positions``: store that many position encodings (a
    model with a fixed input and output length, as many real ones have)."""
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / FOLDER
        package.mkdir()
        pieces = train_tokenizer(Path(tmp), parallel_sentences())
        shutil.copy(Path(tmp) / "sentencepiece.model", package / "sentencepiece.model")
        _TinyConverter(pieces, positions).convert(str(package / "model"), quantization="int8")
        metadata = {
            "package_version": version, "argos_version": "1.9", "from_code": "ar",
            "from_name": "Arabic", "to_code": "en", "to_name": "English",
            "type": "translate", "target_prefix": "",
            "note": "Qari test fixture: random weights, gibberish output.",
        }
        (package / "metadata.json").write_text(json.dumps(metadata, indent=1), encoding="utf-8")
        (package / "README.md").write_text(
            "Tiny Arabic→English package for Qari's tests (random weights).\n", encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in sorted(package.rglob("*")):
                if file.is_file():
                    info = zipfile.ZipInfo(str(file.relative_to(tmp)), (2026, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(info, file.read_bytes())
    return out


if __name__ == "__main__":
    path = build()
    print(f"{path} ({path.stat().st_size} bytes)")
