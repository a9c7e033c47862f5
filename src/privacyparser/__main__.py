import sys

from privacyparser.cli import main

sys.exit(main())
