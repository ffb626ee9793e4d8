"""``python -m lampiran`` runs the command line."""

from lampiran.cli import main

if __name__ == "__main__":
    main()
