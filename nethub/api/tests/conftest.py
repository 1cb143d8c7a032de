"""Prints the figures of the schemathesis run (test_fuzz.py) at the end of the session."""

import sys


def pytest_terminal_summary(terminalreporter):
    fuzz = sys.modules.get("nethub.api.tests.test_fuzz")
    calls = getattr(fuzz, "CALLS", None)
    if not calls:
        return
    operations = {operation for _who, operation in calls}
    by_who = {}
    for (who, _operation), count in calls.items():
        by_who[who] = by_who.get(who, 0) + count
    terminalreporter.write_line(
        f"schemathesis: {len(operations)} operations, {sum(calls.values())} requests "
        + "("
        + ", ".join(f"{who} {count}" for who, count in sorted(by_who.items()))
        + "); "
        + "answers: "
        + ", ".join(f"{code}: {n}" for code, n in sorted(fuzz.STATUSES.items()))
    )
