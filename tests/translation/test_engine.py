"""The translation path with a real (tiny, random-weight) Argos package, offline."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.errors import Cancelled
from reader.translation import argos
from reader.translation.cache import EDITED, REVIEWED, TranslationCache
from reader.translation.engine import Translation, TranslationEngine
from reader.translation.packages import (
    ModelPackageError,
    find_package,
    install_package,
    installed_packages,
    remove_package,
    validate_package,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "translate-ar_en-tiny.argosmodel"


@pytest.fixture
def package():
    return install_package(FIXTURE)


def rezip(tmp_path, name, transform):
    """A copy of the fixture with its entries changed by ``transform(name, data)``."""
    out = tmp_path / name
    with zipfile.ZipFile(FIXTURE) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            result = transform(info.filename, source.read(info))
            if result is not None:
                target.writestr(result[0], result[1])
    return out


def test_valid_package_installs_lists_and_removes(data_dir, package):
    assert validate_package(FIXTURE)["from_code"] == "ar"
    assert (package.from_code, package.to_code) == ("ar", "en")
    assert package.folder.parent == data_dir / "argos" / "packages"
    assert find_package() == package
    remove_package(package)
    assert installed_packages() == []


@pytest.mark.parametrize(("name", "transform", "reason"), [
    ("flat.argosmodel", lambda n, d: (n.split("/", 1)[1], d) if "/" in n else None,
     "one top-level folder"),
    ("nometa.argosmodel", lambda n, d: None if n.endswith("metadata.json") else (n, d),
     "metadata.json is missing"),
    ("nomodel.argosmodel", lambda n, d: None if "model.bin" in n else (n, d),
     "model/model.bin"),
    ("notok.argosmodel", lambda n, d: None if "sentencepiece" in n else (n, d), "tokenizer"),
    ("badmeta.argosmodel", lambda n, d: (n, b"{oops" if n.endswith("metadata.json") else d),
     "not valid JSON"),
    ("escape.argosmodel", lambda n, d: (n.replace("translate-ar_en-tiny/README.md",
                                                  "translate-ar_en-tiny/../evil.md"), d),
     "unsafe path"),
])
def test_bad_packages_are_refused_and_change_nothing(tmp_path, package, name, transform,
                                                      reason):
    before = installed_packages()
    with pytest.raises(ModelPackageError, match=reason):
        install_package(rezip(tmp_path, name, transform))
    assert installed_packages() == before


def test_not_a_zip(tmp_path):
    junk = tmp_path / "junk.argosmodel"
    junk.write_bytes(b"PK but not really a zip")
    with pytest.raises(ModelPackageError, match="not a zip"):
        validate_package(junk)


class Counting:
    def __init__(self, model):
        self.model = model
        self.identity = model.identity
        self.calls = 0

    def translate_batch(self, sentences, num_hypotheses=1):
        self.calls += 1
        return self.model.translate_batch(sentences, num_hypotheses)


def test_translate_cache_and_alternatives(tmp_path, package):
    model = Counting(argos.load_model(package.folder, package.version))
    cache = TranslationCache(tmp_path / "t.sqlite")
    engine = TranslationEngine(model, cache)
    sentences = ["الفريق يبني خزانا جديدا اليوم.", "المزارع يصلح المضخات في الشتاء."]
    first = engine.translate(sentences, num_hypotheses=2)
    assert [t.source for t in first] == sentences
    assert all(t.target and not t.cached for t in first)
    assert all(len(t.alternatives) == 1 for t in first)
    again = engine.translate(sentences)
    assert [t.target for t in again] == [t.target for t in first]  # deterministic model
    assert all(t.cached for t in again) and model.calls == 1
    # A fresh engine on the same cache file: reopening a document shows them at once.
    reopened = TranslationEngine(Counting(model.model), TranslationCache(cache.path))
    assert all(t.cached for t in reopened.translate(sentences))


def test_cancel_between_batches(package):
    engine = TranslationEngine(argos.load_model(package.folder, package.version))
    with pytest.raises(Cancelled):
        engine.translate(["جملة أولى."], cancelled=lambda: True)


def test_edits_are_kept_apart_from_machine_translation(tmp_path):
    cache = TranslationCache(tmp_path / "t.sqlite")
    cache.put("m@1", [("جملة.", "A sentence.", [], -1.0)])
    cache.edit("doc", "جملة.", "One sentence.", EDITED)
    cache.put("m@1", [("جملة.", "Machine again.", [], -1.0)])  # a retranslation
    assert cache.edits("doc")["جملة."].text == "One sentence."
    cache.edit("doc", "جملة.", "One sentence.", REVIEWED)
    assert cache.edits("doc")["جملة."].status == REVIEWED


def test_suspicious_output_is_flagged():
    assert "arabic_left" in Translation("نص.", "A نص text.").warnings()
    assert "unchanged" in Translation("UNICEF.", "UNICEF.").warnings()
    assert "length" in Translation("نص طويل جدا جدا جدا.", "A").warnings()
    assert Translation("قرية جبلية.", "A mountain village.").warnings() == []


def test_no_network_during_install_load_translate_uninstall(tmp_path):
    """An audit hook fails on any connection or address lookup, in a fresh process."""
    code = f"""
import sys
def hook(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname"):
        raise RuntimeError("network used: " + event)
sys.addaudithook(hook)
from pathlib import Path
from reader.translation import argos
from reader.translation.engine import TranslationEngine
from reader.translation.packages import install_package, remove_package
package = install_package(Path({str(FIXTURE)!r}))
engine = TranslationEngine(argos.load_model(package.folder, package.version))
print(engine.translate(["الفريق يبني خزانا جديدا اليوم."])[0].target[:10])
remove_package(package)
print("ok")
"""
    env = {"QARI_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def test_cli_translate(tmp_path, sample_pdf, capsys):
    from reader.cli import main

    assert main(["translate", str(sample_pdf), "--pages", "5"]) == 2
    assert "no Arabic→English translation model" in capsys.readouterr().err
    assert main(["translate", str(sample_pdf), "--pages", "5", "--model", str(FIXTURE),
                 "--format", "tsv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "page\tsentence\tarabic\tenglish"
    rows = [line.split("\t") for line in lines[1:]]
    assert rows[0][:3] == ["5", "1", "4. التوصيات"]
    assert all(len(row) == 4 and row[3] for row in rows)


# -- issue 11: bounded translation, packages that never break a working install ---------
sys.path.insert(0, str(ROOT / "scripts"))
import build_tiny_model  # noqa: E402


@pytest.fixture(scope="session")
def short_model_file(tmp_path_factory):
    """A package whose model has 48 positions only (stored encodings), version 0.2."""
    out = tmp_path_factory.mktemp("models") / "translate-ar_en-short.argosmodel"
    return build_tiny_model.build(out, positions=48, version="0.2")


def test_limits_are_read_from_the_model(short_model_file, tmp_path):
    from reader.translation.limits import model_limits

    package = install_package(short_model_file)
    limits = model_limits(package.folder / "model")
    assert (limits.encoder_positions, limits.decoder_positions) == (48, 48)
    assert limits.read_from_model and limits.source_vocabulary > 0
    assert model_limits(tmp_path).read_from_model is False  # no model there: defaults


def test_a_sentence_longer_than_the_model_is_split_and_joined(short_model_file):
    package = install_package(short_model_file)
    model = argos.load_model(package.folder, package.version)
    long = "، ".join(["الفريق يبني خزانا جديدا اليوم"] * 30) + "."
    assert model.count_tokens(long) > 48
    # The model alone fails past its positions, as real ones do.
    tokens = model.tokenizer.encode(long, out_type=str)
    with pytest.raises(RuntimeError, match="position"):
        model.translator.translate_batch([tokens], max_decoding_length=8)
    [result] = TranslationEngine(model).translate([long, "جملة قصيرة."])[:1]
    assert result.target and not result.error


def test_split_long_keeps_every_character_and_prefers_clauses():
    from reader.translation.engine import split_long

    text = "أولا، ثانيا؛ ثالثا رابعا خامسا"
    pieces = split_long(text, lambda t: len(t) <= 12)
    assert "".join(pieces) == text
    assert all(len(p) <= 12 for p in pieces)
    assert pieces[0].endswith("،") or pieces[0].endswith("؛")
    assert "".join(split_long("x" * 100, lambda t: len(t) <= 7)) == "x" * 100


class FailsOn:
    identity = "fails@1"

    def __init__(self, bad):
        self.bad = bad

    def translate_batch(self, sentences, num_hypotheses=1):
        if self.bad in sentences:
            raise RuntimeError("No position encodings are defined for positions >= 512")
        return [[(f"EN {s}", -1.0)] for s in sentences]


def test_one_failing_sentence_fails_alone_and_is_not_cached(tmp_path):
    cache = TranslationCache(tmp_path / "t.sqlite")
    engine = TranslationEngine(FailsOn("سيئة."), cache)
    out = engine.translate(["أولى.", "سيئة.", "ثالثة."])
    assert [t.target for t in out] == ["EN أولى.", "", "EN ثالثة."]
    assert out[1].error.startswith("No position") and out[1].warnings() == ["failed"]
    assert "سيئة." not in cache.get("fails@1", ["سيئة."])


def broken_copy(tmp_path, name, folder="translate-ar_en-tiny", version=None):
    """The fixture with a 7-byte model.bin, under ``folder``, maybe another version."""
    def transform(entry, data):
        entry = entry.replace("translate-ar_en-tiny/", f"{folder}/")
        if entry.endswith("model.bin"):
            data = b"garbage"
        if entry.endswith("metadata.json") and version:
            meta = json.loads(data)
            meta["package_version"] = version
            data = json.dumps(meta).encode()
        return entry, data
    return rezip(tmp_path, name, transform)


def test_a_broken_package_never_replaces_a_working_one(tmp_path, package):
    model_bin = package.folder / "model" / "model.bin"
    before = model_bin.read_bytes()
    with pytest.raises(ModelPackageError, match="does not load"):
        install_package(broken_copy(tmp_path, "same-name.argosmodel"))
    assert model_bin.read_bytes() == before
    with pytest.raises(ModelPackageError):
        install_package(broken_copy(tmp_path, "newer.argosmodel", "translate-ar_en-new", "9.9"))
    assert find_package() == package
    assert [p.folder.name for p in installed_packages()] == ["translate-ar_en-tiny"]
    assert not list((package.folder.parent.parent).glob(".installing-*"))
    engine = TranslationEngine(argos.load_model(package.folder, package.version))
    assert engine.translate(["الفريق يبني خزانا جديدا اليوم."])[0].target


def test_versions_compare_as_numbers():
    from reader.translation.packages import version_key

    assert version_key("1.10") > version_key("1.9") > version_key("1.2.3")


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path, monkeypatch):
    import reader.translation.packages as packages

    bomb = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(FIXTURE) as source, zipfile.ZipFile(bomb, "w",
                                                             zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = b"\0" * (64 << 20) if info.filename.endswith("README.md") else (
                source.read(info))
            target.writestr(info.filename, data)
    with pytest.raises(ModelPackageError, match="zip bomb"):
        validate_package(bomb)
    monkeypatch.setattr(packages, "MAX_UNPACKED", 1000)
    with pytest.raises(ModelPackageError, match="unpack to more than"):
        validate_package(FIXTURE)
    assert installed_packages() == []


def _patched(path, field, value):
    """A stored copy of the fixture with one header field of every entry set to
    ``value``, in the local headers and the central directory: ``method`` (compression)
    or ``flags`` (bit 0: encrypted)."""
    with zipfile.ZipFile(FIXTURE) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    data = bytearray(path.read_bytes())
    offsets = {"method": ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)),
               "flags": ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8))}[field]
    for signature, offset in offsets:
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset:start + offset + 2] = value.to_bytes(2, "little")
            start += 4
    path.write_bytes(bytes(data))
    return path


def test_unknown_compression_and_encrypted_entries(tmp_path):
    with pytest.raises(ModelPackageError, match="unknown compression"):
        install_package(_patched(tmp_path / "odd.argosmodel", "method", 99))
    with pytest.raises(ModelPackageError, match="encrypted"):
        install_package(_patched(tmp_path / "locked.argosmodel", "flags", 1))
    assert installed_packages() == []


def test_installing_and_translating_write_only_in_the_data_folder(tmp_path):
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    code = f"""
from pathlib import Path
from reader.translation import argos
from reader.translation.engine import TranslationEngine
from reader.translation.packages import install_package
package = install_package(Path({str(FIXTURE)!r}))
print(TranslationEngine(argos.load_model(package.folder, package.version)).translate(
    ["الفريق يبني خزانا جديدا اليوم."])[0].target[:5])
"""
    env = {"QARI_DATA_DIR": str(data), "PATH": "/usr/bin:/bin", "HOME": str(home)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert list(home.rglob("*")) == []
    assert (data / "argos" / "packages" / "translate-ar_en-tiny" / "model").is_dir()
