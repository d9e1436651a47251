"""``makemessages`` without fuzzy matching: a new string arrives untranslated (and ``make
check-messages`` names it) instead of with a guessed, usually wrong, neighbour's translation."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
