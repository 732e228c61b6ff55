"""Write the golden plans of the worked examples: ``examples/expected/NN-name.plan.json``.

    pip install --no-deps --force-reinstall .   # the goldens come from the INSTALLED package
    python scripts/update_goldens.py            # rewrite examples/expected/
    python scripts/update_goldens.py --out DIR  # write them elsewhere (the tests do this)
    python scripts/update_goldens.py --policy practice-2026  # examples/expected-practice-2026/

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


def plan_data(path: Path, policy: str | None = None) -> dict[str, Any]:
    """The plan of one example profile under a policy (None: the default), with the
    preferences ``examples/preferences.json`` gives it, as stored in its golden file."""
    preferences = json.loads((EXAMPLES / "preferences.json").read_text(encoding="utf-8"))
    plan = resistx.sequence(path, preferences.get(path.stem), policy=policy)
    data: dict[str, Any] = resistx.to_dict(plan)
    return data


def golden_dir(policy: str | None) -> Path:
    """Where the goldens of a policy live: ``expected/`` for the default policy,
    ``expected-<policy>/`` for another."""
    return EXAMPLES / ("expected" if policy is None else f"expected-{policy}")


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--policy", default=None, help="a policy other than the default")
    args = parser.parse_args()
    out: Path = args.out if args.out is not None else golden_dir(args.policy)
    out.mkdir(parents=True, exist_ok=True)
    for path in profiles():
        target = out / f"{path.stem}.plan.json"
        target.write_text(dumps(plan_data(path, args.policy)), encoding="utf-8")
    print(f"wrote {len(profiles())} golden plans to {out} (resistx {resistx.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
