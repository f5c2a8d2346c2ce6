"""The Argos adapter: the only module that imports argostranslate (and its CTranslate2 and
SentencePiece models), and only inside functions.

Argos reads its settings from the environment once, at import: point it at Qari's data
folder first, so packages stay there. Translation itself uses the package's own CTranslate2
model and tokenizer directly, as Argos does inside, without Argos's sentence splitter (which
would try to download a model) and with one batch per call, so sentences stay aligned.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.paths import data_dir


def _prepare_environment() -> None:
    base = data_dir() / "argos"
    os.environ["ARGOS_PACKAGES_DIR"] = str(base / "packages")
    os.environ.setdefault("ARGOS_DEVICE_TYPE", "cpu")


def install_from_path(path: Path) -> None:
    _prepare_environment()
    import argostranslate.package as package
    import argostranslate.settings as settings

    # The environment is read once, at import; the data folder may have changed since.
    settings.package_data_dir = data_dir() / "argos" / "packages"
    settings.package_data_dir.mkdir(parents=True, exist_ok=True)
    package.install_from_path(path)


@dataclass
class ArgosModel:
    """A loaded package: its CTranslate2 translator and SentencePiece tokenizer."""

    identity: str  # folder name and version: what cached translations are keyed by
    translator: Any
    tokenizer: Any
    target_prefix: str
    beam_size: int

    def translate_batch(self, sentences: list[str], num_hypotheses: int = 1
                        ) -> list[list[tuple[str, float]]]:
        """Hypotheses (text, score) for each sentence, best first, in one batch."""
        if not sentences:
            return []
        tokens = [self.tokenizer.encode(s, out_type=str) for s in sentences]
        prefix = [[self.target_prefix]] * len(tokens) if self.target_prefix else None
        results = self.translator.translate_batch(
            tokens, target_prefix=prefix, beam_size=max(self.beam_size, num_hypotheses),
            num_hypotheses=num_hypotheses, return_scores=True, replace_unknowns=True,
            length_penalty=0.2, max_batch_size=1024, batch_type="tokens",
            max_decoding_length=max(16, 3 * max(len(t) for t in tokens)))
        out: list[list[tuple[str, float]]] = []
        for result in results:
            hypotheses = []
            for words, score in zip(result.hypotheses, result.scores, strict=True):
                if self.target_prefix and words and words[0] == self.target_prefix:
                    words = words[1:]
                hypotheses.append((self.tokenizer.decode(words).strip(), float(score)))
            out.append(hypotheses)
        return out


def load_model(folder: Path, version: str, target_prefix: str = "", intra_threads: int = 1,
               beam_size: int = 2) -> ArgosModel:
    """Load an installed package's model: int8 on the CPU, one thread by default (faster
    than all cores on two-core machines, and leaves one for the window)."""
    import ctranslate2
    import sentencepiece

    tokenizer_file = folder / "sentencepiece.model"
    translator = ctranslate2.Translator(str(folder / "model"), device="cpu",
                                        compute_type="int8", inter_threads=1,
                                        intra_threads=intra_threads)
    tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(tokenizer_file))
    return ArgosModel(f"{folder.name}@{version}", translator, tokenizer, target_prefix,
                      beam_size)
