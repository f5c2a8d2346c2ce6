"""The Argos adapter: the only module that loads Argos Translate's models (CTranslate2 and
SentencePiece, the libraries argostranslate is built on), and only inside functions.

Qari reads Argos packages itself (``reader.translation.packages``) and translates with the
package's own CTranslate2 model and tokenizer, as Argos does inside, but without importing
argostranslate: its import creates folders under ~/.config, ~/.local and ~/.cache and
its sentence splitter would try to download a model. One batch per call keeps sentences
aligned; input and output lengths stay within what the model itself says it can take.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.translation.limits import ModelLimits, model_limits

# Longer inputs are split by the engine at clause punctuation: a 600-word sentence in one
# piece took minutes to decode.
MAX_INPUT_TOKENS = 200


@dataclass
class ArgosModel:
    """A loaded package: its CTranslate2 translator and SentencePiece tokenizer."""

    identity: str  # folder name and version: what cached translations are keyed by
    translator: Any
    tokenizer: Any
    target_prefix: str
    beam_size: int
    limits: ModelLimits = field(default_factory=ModelLimits)

    @property
    def max_tokens(self) -> int:
        """The longest input (in tokens) one call takes: what the encoder's positions
        allow (less the end-of-sentence token), and never so long that decoding it costs
        minutes (attention grows with the square of the length)."""
        return max(8, min(self.limits.encoder_positions - 2, MAX_INPUT_TOKENS))

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer.encode(text, out_type=str))

    def translate_batch(self, sentences: list[str], num_hypotheses: int = 1
                        ) -> list[list[tuple[str, float]]]:
        """Hypotheses (text, score) for each sentence, best first, in one batch. Inputs
        are cut to ``max_tokens`` (the engine splits long sentences before they get
        here); outputs stop within the decoder's positions."""
        if not sentences:
            return []
        tokens = [self.tokenizer.encode(s, out_type=str)[:self.max_tokens] for s in sentences]
        prefix = [[self.target_prefix]] * len(tokens) if self.target_prefix else None
        longest = max(len(t) for t in tokens)
        room = self.limits.decoder_positions - 2 - (1 if self.target_prefix else 0)
        results = self.translator.translate_batch(
            tokens, target_prefix=prefix, beam_size=max(self.beam_size, num_hypotheses),
            num_hypotheses=num_hypotheses, return_scores=True, replace_unknowns=True,
            length_penalty=0.2, max_batch_size=1024, batch_type="tokens",
            max_input_length=self.limits.encoder_positions - 1,
            max_decoding_length=max(4, min(room, max(16, 2 * longest + 10))))
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
                      beam_size, model_limits(folder / "model"))


def check_model(folder: Path, target_prefix: str = "") -> None:
    """Load a package's model and translate a short sentence with it: raises whatever
    the model's libraries raise when it is unusable (the caller words it)."""
    model = load_model(folder, "check", target_prefix, beam_size=1)
    [hypotheses] = model.translate_batch(["مرحبا بكم في التقرير."])
    if not hypotheses:
        raise RuntimeError("the model gave no translation")
