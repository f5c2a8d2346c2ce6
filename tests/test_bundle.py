"""Issue 16: Qari installs on a computer that never touches the network.

The bundle is built here (this needs the package registries) and installed in a network
namespace that has no network at all (``unshare -n``, root only), into fresh folders; the
installed program then reads the sample and opens its window. Installing again over it
keeps the user's data."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "tests" / "fixtures" / "translate-ar_en-tiny.argosmodel"

pytestmark = pytest.mark.skipif(
    not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("unshare")
         and shutil.which("apt-get") and Path("/etc/debian_version").exists()),
    reason="builds and installs a bundle: Debian or Ubuntu, as root, with unshare")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    result = subprocess.run([str(ROOT / "qari.sh"), "bundle", str(out), "--with", str(MODEL)],
                            capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-3000:]
    [archive] = out.glob("qari-*.tar.gz")
    unpacked = out / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="tar")
    [folder] = unpacked.iterdir()
    print(f"bundle: {archive.name}, {archive.stat().st_size / 1e6:.0f} MB")
    return folder


def offline(args: list[str], env: dict[str, str], timeout: int = 600,
            ) -> subprocess.CompletedProcess[str]:
    """Run in a new network namespace: no interface but a loopback that is down."""
    return subprocess.run(["unshare", "-n", "--", "env", *(f"{k}={v}" for k, v in env.items()),
                           *args], capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def user(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "home").mkdir()
    return {"HOME": str(tmp_path / "home"), "QARI_DATA_DIR": str(tmp_path / "data"),
            "XDG_DATA_HOME": str(tmp_path / "home" / ".local" / "share"),
            "PATH": os.environ.get("PATH", "/usr/bin:/bin")}


def test_the_namespace_has_no_network(user):
    probe = offline(["python3", "-c", "import socket; socket.create_connection("
                                      "('1.1.1.1', 53), timeout=3)"], user)
    assert probe.returncode != 0 and "unreachable" in probe.stderr.lower()


def test_its_system_packages_install_on_a_base_system_with_no_network(bundle, user):
    """Every Debian package a base system lacks is in the bundle: apt-get resolves them
    all from the bundle's files alone, as on a computer with only the base installed."""
    debs = sorted(str(p) for p in (bundle / "debs").glob("*.deb"))
    empty = Path(user["HOME"]) / "apt"
    (empty / "lists" / "partial").mkdir(parents=True)
    (empty / "cache" / "archives" / "partial").mkdir(parents=True)
    result = offline(["apt-get", "install", "-s", "--no-install-recommends",
                      "-o", "Debug::NoLocking=1", "-o", "Dir::Etc::SourceList=/dev/null",
                      "-o", "Dir::Etc::SourceParts=/dev/null",
                      "-o", f"Dir::State::status={bundle / 'debs' / 'BASE-STATUS'}",
                      "-o", f"Dir::State::Lists={empty / 'lists'}",
                      "-o", f"Dir::Cache={empty / 'cache'}", *debs], user)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    installs = [line for line in result.stdout.splitlines() if line.startswith("Inst ")]
    assert len(installs) == len(debs)
    names = {line.split()[1] for line in installs}
    assert {"python3", "python3-venv", "tesseract-ocr", "tesseract-ocr-ara", "libegl1",
            "libxcb-cursor0"} <= names


def test_it_installs_and_runs_with_no_network_and_an_upgrade_keeps_the_data(bundle, user,
                                                                            tmp_path):
    prefix = tmp_path / "opt" / "qari"
    first = offline([str(bundle / "install.sh"), str(prefix)], user)
    assert first.returncode == 0, first.stderr[-3000:]
    bin_ = prefix / "current" / "bin"
    sample = subprocess.run([str(bin_ / "python"), "-c", "from reader.resources import "
                             "sample_report; print(sample_report())"],
                            capture_output=True, text=True, check=True).stdout.strip()
    text = offline([str(bin_ / "qari-cli"), "extract", sample, "--pages", "1"], user)
    assert text.returncode == 0 and "ملخص تنفيذي" in text.stdout, text.stderr
    models = offline([str(bin_ / "qari-cli"), "models", "list"], user)
    assert models.returncode == 0 and "ar" in models.stdout  # put in with --with
    window = offline([str(bin_ / "qari"), "--quit-after-paint"],
                     {**user, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert window.returncode == 0, window.stderr[-2000:]
    entry = Path(user["XDG_DATA_HOME"]) / "applications" / "io.github.qari.Qari.desktop"
    assert f"Exec={bin_ / 'qari'} %f" in entry.read_text(encoding="utf-8")
    assert (Path(user["HOME"]) / ".local" / "bin" / "qari").resolve() == (bin_ / "qari").resolve()

    # The user's work: a confirmed pair in the memory (the stores of every kind live in
    # the data folder, which an install must never touch).
    work = offline([str(bin_ / "python"), "-c",
                    "from reader.translation.memory import TranslationMemory;"
                    "TranslationMemory().add('تقرير ميداني', 'field report', 'doc', 'reviewed')"],
                   user)
    assert work.returncode == 0, work.stderr
    before = _digests(Path(user["QARI_DATA_DIR"]))
    again = offline([str(bundle / "install.sh"), str(prefix)], user)
    assert again.returncode == 0, again.stderr[-3000:]
    assert _digests(Path(user["QARI_DATA_DIR"])) == before
    assert len(list(prefix.glob("qari-*"))) == 1  # the older install was replaced
    kept = offline([str(prefix / "current" / "bin" / "python"), "-c",
                    "from reader.translation.memory import TranslationMemory;"
                    "print(TranslationMemory().exact(['تقرير ميداني']))"], user)
    assert "field report" in kept.stdout, kept.stderr


def test_a_bundle_for_another_system_says_so(bundle, user, tmp_path):
    copy = tmp_path / "other"
    shutil.copytree(bundle, copy, ignore=shutil.ignore_patterns("*.whl", "*.deb"))
    manifest = copy / "MANIFEST"
    manifest.write_text(manifest.read_text().replace("QARI_OS=", "QARI_OS=elsewhere"))
    result = offline([str(copy / "install.sh"), str(tmp_path / "prefix")], user)
    assert result.returncode == 2 and "this bundle is for elsewhere" in result.stderr
    assert not (tmp_path / "prefix").exists()


def _digests(folder: Path) -> dict[str, str]:
    """Every entry of the data folder: a file by its content, a link by where it points
    (OCR's model folder links to the program's model: re-linked on first use after an
    upgrade, which removes the older program)."""
    return {str(p.relative_to(folder)): (f"-> {os.readlink(p)}" if p.is_symlink() else
                                         hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_symlink() or p.is_file()}


@pytest.mark.skipif(shutil.which("debootstrap") is None, reason="debootstrap is not installed")
def test_it_installs_on_a_minimal_debian_with_no_network(bundle, tmp_path):
    """The whole path on a computer that has only Debian's minimal base: the bundle's 130
    system packages (Python, Qt's libraries, Tesseract) and Qari installed with no
    network, then the sample read, by OCR too, and the window opened."""
    root = tmp_path / "root"
    release = subprocess.run(["sh", "-c", ". /etc/os-release && echo $VERSION_CODENAME"],
                             capture_output=True, text=True, check=True).stdout.strip()
    made = subprocess.run(["debootstrap", "--variant=minbase", release, str(root),
                           "http://deb.debian.org/debian"], capture_output=True, text=True,
                          timeout=900)
    if made.returncode != 0:
        pytest.skip(f"no minimal {release} could be made here: {made.stderr[-300:]}")
    shutil.copytree(bundle, root / "root" / "bundle")
    # An OCR model carried in (as --with puts it): installed where Tesseract finds it.
    shutil.copyfile(ROOT / "resources" / "tessdata" / "ara.traineddata",
                    root / "root" / "bundle" / "extras" / "arabest.traineddata")
    script = (
        "set -e; mount -t proc proc /proc; "
        "env -i HOME=/root PATH=/usr/bin:/bin /root/bundle/install.sh /opt/qari; "
        "sample=$(/opt/qari/current/bin/python -c 'from reader.resources import "
        "sample_report; print(sample_report())'); "
        "/opt/qari/current/bin/qari-cli extract \"$sample\" --pages 1; echo '== OCR =='; "
        "/opt/qari/current/bin/qari-cli extract \"$sample\" --pages 1 --ocr always; "
        "QT_QPA_PLATFORM=offscreen /opt/qari/current/bin/qari --quit-after-paint; "
        "tesseract --list-langs")
    # A network namespace with no network and a mount namespace for /proc (gone after).
    result = subprocess.run(["unshare", "-n", "-m", "--", "chroot", str(root), "sh", "-c",
                             script], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert "system packages from the bundle" in result.stderr
    text, ocr = result.stdout.split("== OCR ==")
    assert "مياه الشرب في القرى الجبلية" in text and "مياه الشرب" in ocr
    assert "first-paint-seconds=" in result.stdout + result.stderr
    assert "arabest" in ocr.split()  # tesseract lists the carried-in model
