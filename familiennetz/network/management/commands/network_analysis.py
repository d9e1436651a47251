"""Print the network analysis of an alliance: ``manage.py network_analysis <alliance> [--json]``."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import alliance_scope
from familiennetz.network import analysis, selectors


class Command(BaseCommand):
    help = (
        "Analyse an alliance's network of partners and declared ties: degree, brokers "
        "(betweenness), separate groups, partners without ties, density and sectors missing "
        "against the national reference (NZFH). Plain sentences, or JSON with --json."
    )

    def add_arguments(self, parser):
        parser.add_argument("alliance", help="The alliance's short name (slug).")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the result as JSON."
        )

    def handle(self, *args, alliance: str, as_json: bool = False, **options):
        found = Alliance.objects.filter(slug=alliance).first()
        if found is None:
            raise CommandError(f"There is no alliance {alliance!r}.")
        with alliance_scope(found), translation.override("de"):
            data = selectors.network_data(found)
            graph = analysis.build_graph(data.nodes, data.edges)
            result = analysis.analyse(graph)
            if as_json:
                out = result.to_dict()
                out["alliance"] = found.slug
                out["derived_ties"] = sum(1 for e in data.edges if e["kind"] == "derived")
                self.stdout.write(json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True))
                return
            self.stdout.write(found.name)
            for sentence in result.sentences:
                self.stdout.write(f"- {sentence}")
            self.stdout.write(f"\n{analysis.REFERENCE_SOURCE}")
