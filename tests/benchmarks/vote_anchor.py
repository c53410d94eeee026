"""The production settings with one more URL for bench_votes.py's anchor: a bare
Django view doing one INSERT, behind the same middleware as the vote."""

from xfnet.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.benchmarks.vote_anchor_urls"
