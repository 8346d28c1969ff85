#!/usr/bin/env python3
"""The Debian packages as an operator gets them (ctest packaging_debian).

Builds both packages with CPack from the build tree, checks their names, that gatehoused
pulls in no GUI library, and that lintian passes both with --fail-on error,warning. Then,
as root, installs them into this machine with dpkg, checks the installed unit with
systemd-analyze (verify, and security --offline=yes <= 2.0), starts the installed
gatehoused the way the unit starts it -- same user and group, same ExecStart, same
Environment=, UMask=, state directory and credentials directory, a NOTIFY_SOCKET of its
own -- and asks it for GET /flex/health over HTTPS. Systemd is not PID 1 here, so the
seccomp and namespace sandbox itself is checked by systemd-analyze, not run.

Nothing is left behind: the install part runs only when neither package nor a
`gatehouse` user exists beforehand (an operator's installation is never touched), and a
`finally` purges both packages and then checks that no file they installed, no state or
configuration directory and no system user remain. Without root, the install part is
skipped (exit code 77, "skipped" for ctest) after the build and lintian checks passed.
"""
import glob
import hashlib
import os
import pwd
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request

SKIP = 77
UNIT = "/lib/systemd/system/gatehoused.service"


def run(*args, **kwargs):
    print("$", " ".join(args), flush=True)
    return subprocess.run(args, check=True, text=True, **kwargs)


def output(*args):
    return subprocess.run(args, check=True, text=True, capture_output=True).stdout


def build_packages(build_dir, work):
    run("cpack", "-G", "DEB", "--config", os.path.join(build_dir, "CPackConfig.cmake"), "-B", work,
        stdout=subprocess.DEVNULL)
    arch = output("dpkg", "--print-architecture").strip()
    version = re.search(r'CPACK_PACKAGE_VERSION "([^"]+)"',
                        open(os.path.join(build_dir, "CPackConfig.cmake")).read()).group(1)
    packages = {}
    for name in ("gatehoused", "gatehouse"):
        path = os.path.join(work, f"{name}_{version}-1_{arch}.deb")
        assert os.path.isfile(path), f"{path} missing; built: {glob.glob(work + '/*.deb')}"
        packages[name] = path
    return packages


def check_control(packages):
    info = output("dpkg-deb", "-I", packages["gatehoused"])
    print(info)
    depends = re.search(r"^ Depends: (.*)$", info, re.M).group(1)
    for gui in ("libqt6widgets6", "libqt6gui6"):
        assert gui not in depends, f"gatehoused depends on {gui}: {depends}"
    panel = output("dpkg-deb", "-f", packages["gatehouse"], "Depends")
    assert "gatehoused (=" in panel, panel


def check_lintian(packages):
    root = ["--allow-root"] if os.geteuid() == 0 else []
    run("lintian", *root, "--fail-on", "error,warning", "--info", packages["gatehoused"], packages["gatehouse"])


def unit_settings():
    settings = {}
    for line in open(UNIT):
        line = line.strip()
        if line and not line.startswith(("#", "[")) and "=" in line:
            key, value = line.split("=", 1)
            settings.setdefault(key, []).append(value)
    return settings


def check_systemd_analyze():
    verify = subprocess.run(["systemd-analyze", "verify", UNIT], text=True, capture_output=True)
    assert verify.returncode == 0 and not verify.stderr.strip(), verify.stderr
    security = output("systemd-analyze", "security", "--offline=yes", UNIT)
    score = float(re.search(r"Overall exposure level for \S+: ([0-9.]+)", security).group(1))
    print(f"systemd-analyze security --offline=yes: {score}")
    assert score <= 2.0, security


def start_like_the_unit(work):
    """The installed gatehoused with the unit's user, command, environment and directories."""
    unit = unit_settings()
    user, group = unit["User"][0], unit["Group"][0]
    account = pwd.getpwnam(user)
    state = "/var/lib/" + unit["StateDirectory"][0]
    os.makedirs(state, exist_ok=True)  # what systemd does for StateDirectory=
    os.chown(state, account.pw_uid, account.pw_gid)
    os.chmod(state, int(unit["StateDirectoryMode"][0], 8))
    # LoadCredential=admin-password:...: a directory only the service's user reads.
    credentials = os.path.join(work, "credentials")
    os.mkdir(credentials, 0o700)
    with open(os.path.join(credentials, "admin-password"), "w") as f:
        f.write("Packaged-Service-Passw0rd-7\n")
    for path in (credentials, os.path.join(credentials, "admin-password")):
        os.chown(path, account.pw_uid, account.pw_gid)
    notify_dir = os.path.join(work, "notify")
    os.mkdir(notify_dir, 0o755)
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(os.path.join(notify_dir, "socket"))
    os.chmod(os.path.join(notify_dir, "socket"), 0o777)
    os.chmod(work, 0o755)
    environment = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                   "CREDENTIALS_DIRECTORY": credentials, "STATE_DIRECTORY": state,
                   "NOTIFY_SOCKET": notify.getsockname(),
                   # Not the unit's: the port, so the test never needs a fixed one.
                   "GATEHOUSE_LISTEN": "127.0.0.1:0"}
    for assignment in unit.get("Environment", []):
        for word in assignment.split():
            key, value = word.split("=", 1)
            environment[key] = value
    command = unit["ExecStart"][0].split()
    umask = int(unit["UMask"][0], 8)
    print("starting as", user, ":", " ".join(command), flush=True)
    process = subprocess.Popen(
        ["setpriv", f"--reuid={user}", f"--regid={group}", "--init-groups", "--no-new-privs",
         "--inh-caps=-all", "--bounding-set=-all", "--"] + command,
        env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        preexec_fn=lambda: os.umask(umask))
    return process, notify


def wait_until_serving(process, notify):
    url = fingerprint = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (url and fingerprint):
        line = process.stdout.readline()
        if not line:
            raise AssertionError(f"gatehoused ended (code {process.wait()}) before serving")
        print("gatehoused:", line.rstrip())
        if m := re.match(r"Gatehouse \S+ serving (\S+)", line):
            url = m.group(1)
        if m := re.match(r"TLS certificate SHA-256 fingerprint: (\S+)", line):
            fingerprint = m.group(1)
    assert url and url.startswith("https://") and fingerprint, (url, fingerprint)
    notify.settimeout(10)
    assert notify.recv(4096) == b"READY=1"
    return url, fingerprint


def check_serving(url, fingerprint):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # self-signed: trusted below by its fingerprint
    host, port = url[len("https://"):].rstrip("/").rsplit(":", 1)
    with socket.create_connection((host, int(port))) as raw, context.wrap_socket(raw) as tls:
        der = tls.getpeercert(binary_form=True)
    seen = hashlib.sha256(der).hexdigest()
    assert seen == fingerprint.replace(":", "").lower(), (seen, fingerprint)
    with urllib.request.urlopen(url.rstrip("/") + "/flex/health", context=context, timeout=10) as answer:
        assert answer.status == 200, answer.status
        print("GET /flex/health ->", answer.status, answer.read().decode())
    login = urllib.request.Request(
        url.rstrip("/") + "/api/auth/login", method="POST",
        data=b'{"username": "admin", "password": "Packaged-Service-Passw0rd-7"}',
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(login, context=context, timeout=30) as answer:
        assert answer.status == 200, answer.status  # the admin-password credential was seeded
        print("POST /api/auth/login with the credential's password ->", answer.status)


def installed_files():
    files = []
    for name in ("gatehoused", "gatehouse"):
        files += [p for p in output("dpkg", "-L", name).splitlines() if os.path.isfile(p)]
    return files


def purge_and_check(files):
    subprocess.run(["dpkg", "--purge", "gatehouse", "gatehoused"], check=False)
    enabled = "/etc/systemd/system/multi-user.target.wants/gatehoused.service"  # postinst's enable
    left = [p for p in files + ["/etc/gatehouse", "/var/lib/gatehouse", enabled] if os.path.lexists(p)]
    assert not left, f"left behind after dpkg --purge: {left}"
    for database in ("passwd", "group"):
        assert subprocess.run(["getent", database, "gatehouse"], capture_output=True).returncode != 0, \
            f"user or group gatehouse left behind ({database})"
    print("dpkg --purge left nothing behind")


def install_and_serve(packages, work):
    for name in ("gatehoused", "gatehouse"):
        status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True)
        if "installed" in status.stdout and "not-installed" not in status.stdout:
            print(f"{name} is installed on this machine already; not touching it")
            return SKIP
    if subprocess.run(["getent", "passwd", "gatehouse"], capture_output=True).returncode == 0:
        print("a user gatehouse exists already; not touching it")
        return SKIP
    files, process = [], None
    try:
        run("dpkg", "-i", packages["gatehoused"], packages["gatehouse"])
        files = installed_files()
        version = output("/usr/bin/gatehoused", "--version")
        print(version.strip())
        assert version.startswith("gatehoused "), version
        check_systemd_analyze()
        process, notify = start_like_the_unit(work)
        url, fingerprint = wait_until_serving(process, notify)
        check_serving(url, fingerprint)
        process.send_signal(signal.SIGTERM)
        assert notify.recv(4096) == b"STOPPING=1"
        assert process.wait(timeout=30) == 0
        process = None
    finally:
        if process:
            process.kill()
            process.wait()
        purge_and_check(files)
    return 0


def main():
    build_dir = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="gatehouse-deb-")
    try:
        packages = build_packages(build_dir, work)
        check_control(packages)
        check_lintian(packages)
        if os.geteuid() != 0:
            print("not root: the packages are built and lintian-clean; installing them needs root")
            return SKIP
        return install_and_serve(packages, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
