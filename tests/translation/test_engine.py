"""The translation path with a real (tiny, random-weight) Argos package, offline."""

from __future__ import annotations

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
