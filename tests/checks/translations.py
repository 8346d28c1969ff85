#!/usr/bin/env python3
"""Fails when a translation (translations/*.ts) is out of step with the sources or incomplete,
naming each message. lupdate runs over exactly the sources of `update_translations` (the
project file qt_add_translations wrote) into temporary copies of the .ts files, keeping what
has vanished; a message it adds or finds unfinished, vanished or obsolete is a failure.
Moved source lines alone are not. Fix: build `update_translations`, translate in Linguist.

Usage: translations.py CMAKE LUPDATE LUPDATE_PROJECT_CMAKE GENERATE_PROJECT_SCRIPT TS_FILE...
"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PROBLEMS = ("unfinished", "vanished", "obsolete")


def problems_in(ts_path):
    found = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            kind = message.find("translation").get("type")
            if kind in PROBLEMS:
                found.append(f'{kind}: [{name}] "{message.findtext("source")}"')
    return found


def main(cmake, lupdate, project_cmake, generate_script, *ts_files):
    with tempfile.TemporaryDirectory() as scratch:
        project_json = os.path.join(scratch, "project.json")
        subprocess.run([cmake, f"-DIN_FILE={project_cmake}", f"-DOUT_FILE={project_json}", "-P", generate_script],
                       check=True)
        copies = []
        for ts_file in ts_files:
            copies.append(os.path.join(scratch, os.path.basename(ts_file)))
            shutil.copyfile(ts_file, copies[-1])
        # Without -no-obsolete: a message that left the sources stays, marked vanished.
        run = subprocess.run([lupdate, "-silent", "-project", project_json, "-ts", *copies], stderr=subprocess.PIPE,
                             text=True, check=False)
        # Its one expected note: the copies stand in for the project's own .ts files.
        sys.stderr.writelines(line for line in run.stderr.splitlines(True) if "will override TRANSLATIONS" not in line)
        if run.returncode != 0:
            print(f"translations: lupdate failed ({run.returncode})")
            return 1
        failures = 0
        for ts_file, copy in zip(ts_files, copies):
            found = problems_in(copy)
            failures += len(found)
            for problem in found:
                print(f"translations/{os.path.basename(ts_file)}: {problem}")
    if failures:
        print(f"translations: {failures} message(s) out of step; build update_translations and translate them")
        return 1
    print(f"translations: {len(ts_files)} file(s) complete and in step with the sources")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
