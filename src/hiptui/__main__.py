from hiptui.cli import main

raise SystemExit(main())
