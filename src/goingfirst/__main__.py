"""Run the command line as ``python -m goingfirst``."""

from goingfirst.cli import main

raise SystemExit(main())
