"""One module per subcommand; cli.py composes them."""
