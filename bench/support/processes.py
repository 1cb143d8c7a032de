"""What the benches read of running processes from /proc (Linux): a server's children and
their memory."""

from __future__ import annotations

from pathlib import Path


def memory(pid: int) -> tuple[float, float]:
    """A process's RSS and PSS in MB (PSS splits the pages it shares among their users)."""
    figures = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("Rss", "Pss"):
            figures[name] = int(value.split()[0]) / 1024
    return figures["Rss"], figures["Pss"]


def children(pid: int) -> list[int]:
    """The ids of a process's children, in order."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)
