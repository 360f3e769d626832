#!/usr/bin/env python3
"""Recounts a JUnit XML report with junitparser (the parser many CI plugins use) and checks that every
header count (testsuites and each testsuite: tests, failures, errors, skipped) equals the recount.
Usage: scripts/check-junit.py report.xml [more.xml ...]; exit 0 when they agree, 1 when not, 2 on error."""
import sys

try:
    from junitparser import Error, Failure, JUnitXml, Skipped, TestSuite
except ImportError:
    print("check-junit: needs junitparser (pip install junitparser, or apt install python3-junitparser)", file=sys.stderr)
    sys.exit(2)


def recount(suite):
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for case in suite:
        counts["tests"] += 1
        kinds = {type(result) for result in case.result}
        counts["failures"] += Failure in kinds
        counts["errors"] += Error in kinds
        counts["skipped"] += Skipped in kinds
    return counts


def declared(element):
    return {key: int(element._elem.get(key, "0")) for key in ("tests", "failures", "errors", "skipped")}


def check(path):
    problems = []
    xml = JUnitXml.fromfile(path)
    suites = [xml] if isinstance(xml, TestSuite) else list(xml)
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        counted = recount(suite)
        for key, value in counted.items():
            total[key] += value
        if declared(suite) != counted:
            problems.append(f"{path}: testsuite {suite.name!r} declares {declared(suite)}, recounted {counted}")
    if not isinstance(xml, TestSuite) and declared(xml) != total:
        problems.append(f"{path}: testsuites declares {declared(xml)}, recounted {total}")
    if total["tests"] == 0:
        problems.append(f"{path}: no test cases at all")
    return problems, total


def main(paths):
    if not paths:
        print("usage: check-junit.py report.xml...", file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        try:
            problems, total = check(path)
        except Exception as error:  # a report that does not parse is a failed check, with the reason
            print(f"{path}: cannot parse: {error}", file=sys.stderr)
            return 2
        for problem in problems:
            print(problem, file=sys.stderr)
        failed = failed or bool(problems)
        if not problems:
            print(f"{path}: counts agree ({total['tests']} tests, {total['failures']} failures)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
