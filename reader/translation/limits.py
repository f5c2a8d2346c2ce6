"""What a CTranslate2 model can take, read from its own files (never assumed).

A Transformer with learned (or stored) position encodings has a fixed number of positions:
a longer input or output fails ("No position encodings are defined for positions >= 512").
``model.bin`` lists every variable with its shape before its data, so the limits are read
from the header without loading the weights.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

# CTranslate2 truncates inputs longer than this by default (``max_input_length``); a model
# whose encodings are computed (sinusoidal) has no other limit, so this is the safe default.
DEFAULT_POSITIONS = 1024
MAX_VARIABLES = 100_000  # a header claiming more is no model file
MAX_NAME = 4096


@dataclass(frozen=True)
class ModelLimits:
    encoder_positions: int = DEFAULT_POSITIONS
    decoder_positions: int = DEFAULT_POSITIONS
    source_vocabulary: int = 0  # 0: not known
    read_from_model: bool = False  # False: the defaults (the header could not be read)


class _TruncatedError(Exception):
    pass


def _read(handle: BinaryIO, size: int) -> bytes:
    data = handle.read(size)
    if len(data) != size:
        raise _TruncatedError
    return data


def _string(handle: BinaryIO) -> str:
    (length,) = struct.unpack("<H", _read(handle, 2))
    if length > MAX_NAME:
        raise _TruncatedError
    return _read(handle, length).rstrip(b"\0").decode("utf-8", "replace")


def variable_shapes(model_bin: Path) -> dict[str, tuple[int, ...]]:
    """Every variable's name and shape in a ``model.bin`` (format versions 4 to 6: the
    ones that store a data type per variable), without reading the weights."""
    shapes: dict[str, tuple[int, ...]] = {}
    with model_bin.open("rb") as handle:
        (version,) = struct.unpack("<I", _read(handle, 4))
        if not 4 <= version <= 6:
            raise ValueError(f"model format version {version} is not known")
        _string(handle)  # the spec's name
        _read(handle, 4)  # its revision
        (count,) = struct.unpack("<I", _read(handle, 4))
        if count > MAX_VARIABLES:
            raise ValueError("not a model file")
        for _ in range(count):
            name = _string(handle)
            (rank,) = struct.unpack("<B", _read(handle, 1))
            shape = struct.unpack(f"<{rank}I", _read(handle, 4 * rank))
            _read(handle, 1)  # data type
            (size,) = struct.unpack("<I", _read(handle, 4))
            handle.seek(size, 1)
            shapes[name] = shape
    return shapes


def model_limits(model_dir: Path) -> ModelLimits:
    """The model's position limits (encoder and decoder) and source vocabulary size; the
    defaults where the file does not say (computed encodings have no fixed limit)."""
    try:
        shapes = variable_shapes(model_dir / "model.bin")
    except (OSError, ValueError, _TruncatedError, struct.error):
        return ModelLimits()

    def positions(side: str) -> int:
        found = [shape[0] for name, shape in shapes.items()
                 if name.startswith(side) and name.endswith("position_encodings/encodings")
                 and len(shape) == 2]
        return min(found) if found else DEFAULT_POSITIONS

    vocabulary = next((shape[0] for name, shape in shapes.items()
                       if name.startswith("encoder/embeddings") and name.endswith("weight")
                       and len(shape) == 2), 0)
    return ModelLimits(positions("encoder"), positions("decoder"), vocabulary, True)
