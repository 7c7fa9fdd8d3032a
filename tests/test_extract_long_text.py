"""A long plain-text file extracts in time proportional to its size.

One 50 MB file of news prose is one document; several stages compared every statement with
every other, or searched the whole text once per statement or per name, and took more than
five minutes. Here 2 MB of prose written for the test (many people, quotes, repeats of a
quote, officials by surname, a Q&A transcript) must extract, through the CLI, in bounded CPU
time, and give as many statements per paragraph as a short file of the same paragraphs.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

GIVEN = ["Anna", "Tomas", "Maria", "Jonas", "Elena", "Pavel", "Sofia", "Viktor", "Lena", "Omar",
         "Irina", "Karim", "Nadia", "Farid", "Greta", "Hugo", "Ines", "Milan", "Rosa", "Stefan"]
FAMILY = ["Berg", "Lind", "Holm", "Kovac", "Novak", "Dahl", "Sorensen", "Petrov", "Hadid",
          "Marsh", "Quist", "Varga", "Weller", "Ostrom", "Falk", "Brandt", "Mora", "Szabo",
          "Lagos", "Renner", "Tamm", "Ilves", "Kask", "Rebane", "Saar"]
ROLES = ["Foreign Minister", "Trade Minister", "President", "spokeswoman", "Defence Minister"]
PLACES = ["Russia", "China", "Germany", "France", "Turkey", "Japan", "Brazil", "India"]
TOPICS = ["grain exports", "gas prices", "border crossings", "fishing quotas", "rail freight",
          "visa rules", "port fees", "power lines"]


def story(i: int) -> str:
    given, family = GIVEN[i % len(GIVEN)], FAMILY[(i * 7) % len(FAMILY)]
    role, place, topic = ROLES[i % len(ROLES)], PLACES[i % len(PLACES)], TOPICS[i % len(TOPICS)]
    other = FAMILY[(i * 3 + 1) % len(FAMILY)]
    return (
        f"Talks on {topic} resume, says {family}\n\n"
        f"{role} {given} {family} said on Tuesday that talks with {place} on {topic} "
        f"would resume in round {i} next month.\n\n"
        f"\"We expect an agreement with {place} before the winter,\" {family} told reporters, "
        f"adding that the talks on {topic} had been difficult.\n\n"
        f"{family} accused {place} of delaying the talks on {topic}, according to officials. "
        f"Minister {GIVEN[(i + 3) % len(GIVEN)]} {other} said the proposal was fair.\n\n"
        f"Question: Will the talks end this year?\n\n"
        f"Answer: We hope so, and we are ready to meet again in round {i + 1}.\n\n"
        f"\"Talks on {topic} resume,\" {family} said again later, and {other} warned {place} "
        f"against new tariffs.\n")


def text_of(size: int) -> str:
    out, n, i = [], 0, 0
    while n < size:
        out.append(story(i))
        n += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out)


def extract(path: Path) -> tuple[list[dict], float]:
    """Records from ``quotegraph extract`` (a child process) and the CPU seconds it used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-m", "quotegraph", "extract", str(path),
                          "--max-bytes", "0", "--format", "jsonl"],
                         capture_output=True, text=True, timeout=300, check=True,
                         env={**os.environ})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return [json.loads(line) for line in out.stdout.splitlines()], cpu


def test_two_megabytes_extract_in_bounded_time(tmp_path):
    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text(text_of(40_000), encoding="utf-8")
    big.write_text(text_of(2_000_000), encoding="utf-8")
    few, few_cpu = extract(small)
    many, cpu = extract(big)
    # CPU time, not wall time: the machine may be shared. Before the fix this took minutes;
    # linear work is about 17 s on an idle machine and up to a third more under load.
    assert cpu < 30, f"2 MB took {cpu:.1f} s of CPU"
    assert len(few) == len(many) == 1
    per_story_small = len(few[0]["statements"]) / text_of(40_000).count("Talks on")
    per_story_big = len(many[0]["statements"]) / text_of(2_000_000).count("Talks on")
    assert per_story_big > 3
    assert abs(per_story_big - per_story_small) / per_story_small < 0.1
