"""``python -m resistx``: the command line, for when the console script is not on the PATH."""

import sys

from resistx.cli import main

sys.exit(main())
