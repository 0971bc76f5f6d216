"""`python -m app` is the `hgd` command line."""
import sys

from app.cli import main

sys.exit(main())
