from pathlib import Path

from django.core.management.base import BaseCommand

from nethub.core.demo import demo_load


class Command(BaseCommand):
    help = "Load reference data, demo users and the demo records built from the fixtures."

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", type=Path, help="Folder of fixture documents.")
        parser.add_argument("--password", help="Password for every demo user.")

    def handle(self, *args, fixtures=None, password=None, **options):
        demo_load(stdout=self.stdout, fixtures_dir=fixtures, password=password)
