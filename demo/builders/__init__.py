"""One builder per app, run in this order by `seed_demo`: home (makes the municipality's site
and returns its home page), streets, board, matches, surveys, pot, insights; each after home is
`build(home, stdout)`. Every builder is idempotent and finds what earlier ones made by natural
keys (slugs, e-mail addresses), so a test can run one on its own after those it needs.
"""
