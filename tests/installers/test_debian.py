"""The Debian package around the bundle: its metadata (dependencies, units, maintainer scripts), then an
install, a reinstall over an enrolled configuration and a removal in a throw-away root (dpkg --instdir with
its own admin directory; the maintainer scripts run against that root, DPKG_ROOT set, and touch nothing
of the host's users or services)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import unavailable
from virtual_cards import REPO

from installers.installed import build_deb, once_per_run

pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def deb(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("dpkg-deb") is None:
        unavailable("dpkg-deb is not installed")
    return once_per_run(tmp_path_factory, "deb", lambda folder: build_deb(bundle, folder))


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_the_package_metadata(deb: Path) -> None:
    assert field(deb, "Package") == "kiosk-terminal"
    depends = {d.strip().split(" ")[0] for d in field(deb, "Depends").split(",")}
    assert {"pcscd", "libccid", "libpcsclite1", "fonts-noto-cjk"} <= depends
    assert "cage" in field(deb, "Recommends")
    contents = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True,
                              check=True).stdout
    for path in ("./opt/kiosk/kiosk", "./usr/bin/kiosk", "./lib/systemd/system/kiosk-session.service",
                 "./lib/systemd/system/kiosk-renew.timer", "./usr/lib/systemd/user/kiosk-counter.service"):
        assert path in contents, path
    assert "./etc/kiosk/kiosk.toml" not in contents  # the package never ships (so never replaces) it
    control = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True, check=True).stdout
    assert "postinst" in control and "prerm" in control


def test_the_units_say_what_runs(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "--extract", str(deb), str(tmp_path)], check=True)
    session = (tmp_path / "lib/systemd/system/kiosk-session.service").read_text()
    assert "ExecStart=/usr/bin/cage -d -s -- /usr/bin/kiosk app --mode kiosk" in session
    assert "User=kiosk" in session and "Restart=always" in session
    assert "TTYPath=/dev/tty7" in session
    counter = (tmp_path / "usr/lib/systemd/user/kiosk-counter.service").read_text()
    assert "kiosk app --mode counter" in counter and "Restart=on-failure" in counter
    renew = (tmp_path / "lib/systemd/system/kiosk-renew.service").read_text()
    assert "ExecStart=/usr/bin/kiosk provision renew" in renew
    if shutil.which("systemd-analyze"):
        verified = subprocess.run(["systemd-analyze", "verify", "--man=no", str(tmp_path / "lib/systemd/system/"
                                   "kiosk-renew.timer")], capture_output=True, text=True, check=False)
        assert "Invalid" not in verified.stderr, verified.stderr


def test_the_shell_scripts_are_clean() -> None:
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        unavailable("shellcheck is not installed (make installs it)")
    scripts = [str(REPO / "packaging/debian" / name) for name in
               ("scripts/postinst", "scripts/prerm", "build-deb.sh", "kiosk-wrapper.sh")]
    result = subprocess.run([str(shellcheck), "-s", "sh", *scripts], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def dpkg(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    return subprocess.run(["dpkg", f"--instdir={root}", f"--admindir={root / 'var/lib/dpkg'}",
                           "--force-script-chrootless", "--force-depends", "--force-not-root", *arguments],
                          capture_output=True, text=True, env=environment, timeout=300, check=False)


def test_install_reinstall_and_remove_in_a_throw_away_root(deb: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "var/lib/dpkg/updates").mkdir(parents=True)
    (root / "var/lib/dpkg/info").mkdir()
    (root / "var/lib/dpkg/status").touch()

    installed = dpkg(root, "--install", str(deb))
    assert installed.returncode == 0, installed.stdout + installed.stderr
    config = root / "etc/kiosk/kiosk.toml"
    database = root / "var/lib/kiosk/kiosk.sqlite3"
    assert config.read_text().splitlines()[-1] == 'environment = "production"'
    assert database.is_file()  # postinst upgraded (created) the database with the bundle itself
    assert (root / "opt/kiosk/kiosk").is_file() and (root / "usr/bin/kiosk").is_file()

    enrolled = config.read_text() + 'terminal_id = "north-01"\n'  # what enrolment would have added
    config.write_text(enrolled)
    again = dpkg(root, "--install", str(deb))  # an upgrade: prerm upgrade, unpack, postinst configure
    assert again.returncode == 0, again.stdout + again.stderr
    assert config.read_text() == enrolled

    removed = dpkg(root, "--remove", "kiosk-terminal")
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not (root / "opt/kiosk").exists() and not (root / "usr/bin/kiosk").exists()
    assert config.read_text() == enrolled and database.is_file()  # configuration and records stay
