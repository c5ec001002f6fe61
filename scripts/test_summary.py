"""Read an Odoo test log and print the closing line `N passed, M failed`.

Exit status is non-zero when Odoo failed, a test failed or errored, no test ran,
or any ERROR/CRITICAL line was logged.
"""

import re
import sys

RESULT = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests")
LEVEL = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (ERROR|CRITICAL) ")


def main(log_path, odoo_rc):
    failed = errors = total = 0
    error_lines = []
    with open(log_path, encoding="utf-8", errors="replace") as log:
        for line in log:
            match = RESULT.search(line)
            if match:
                # Odoo prints one summary per database load; keep the last.
                failed, errors, total = (int(g) for g in match.groups())
            if LEVEL.match(line):
                error_lines.append(line.rstrip())
    bad = failed + errors
    if error_lines:
        print(f"{len(error_lines)} ERROR/CRITICAL line(s) logged:", file=sys.stderr)
        for line in error_lines[:20]:
            print("  " + line[:300], file=sys.stderr)
    print(f"{total - bad} passed, {bad} failed")
    if bad or error_lines or total == 0 or int(odoo_rc) != 0:
        if total == 0:
            print("no test ran", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
