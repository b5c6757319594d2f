from tnl_cli.cli import main

main()
