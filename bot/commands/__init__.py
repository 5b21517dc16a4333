"""The CLI's commands, one module per group; each module registers its own subcommands."""
