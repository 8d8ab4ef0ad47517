"""Subcommands of ``newsclaims`` that live in modules of their own.

Each module has ``add_parser(sub, common)``, which adds its subparser and sets
``run=`` to a function ``run(args, out, err) -> int`` that :func:`newsclaims.cli.main`
calls.
"""
