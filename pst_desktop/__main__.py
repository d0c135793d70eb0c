from pst_desktop.cli import main

raise SystemExit(main())
