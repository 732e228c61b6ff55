"""Write the golden plans of the worked examples: ``examples/expected/NN-name.plan.json``.

    pip install --no-deps --force-reinstall .   # the goldens come from the INSTALLED package
    python scripts/update_goldens.py            # rewrite examples/expected/
    python scripts/update_goldens.py --out DIR  # write them elsewhere (the tests do this)

Each file is the whole plan as ``resistx.to_dict`` gives it, ``library_version`` included,
so that it validates against ``resistx.json_schema("plan")`` as stored. The tests compare
every field but ``library_version`` (a release changes it, not the ranking). Read the diff
of ``examples/expected/`` before committing it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import resistx

EXAMPLES = Path(__file__).parent.parent / "examples"


def profiles() -> list[Path]:
    return sorted(EXAMPLES.glob("[0-9][0-9]-*.json"))


def plan_data(path: Path) -> dict[str, Any]:
    """The plan of one example profile, with the preferences ``examples/preferences.json``
    gives it, as stored in its golden file."""
    preferences = json.loads((EXAMPLES / "preferences.json").read_text(encoding="utf-8"))
    data: dict[str, Any] = resistx.to_dict(resistx.sequence(path, preferences.get(path.stem)))
    return data


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=EXAMPLES / "expected")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in profiles():
        target = args.out / f"{path.stem}.plan.json"
        target.write_text(dumps(plan_data(path)), encoding="utf-8")
    print(f"wrote {len(profiles())} golden plans to {args.out} (resistx {resistx.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
