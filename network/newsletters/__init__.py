"""Newsletters of a municipality (and the national one): written in the Wagtail admin as pages,
sent in batches by django-q2, with double opt-in, one-click unsubscribe and a public archive.

A feature package of the `network` app, as `streets/events/` is of `streets`: the models keep
the app label `network` (network.models imports them) and the URLs are included by
network/urls.py.

- `models.py`: NewsletterIndexPage (the archive and the subscribe form), NewsletterPage (one
  issue), Subscriber, Dispatch (the one send of an issue) and Delivery (one row per recipient).
- `recipients.py`: who gets a newsletter (confirmed subscribers and the gangmakers of its
  municipality, minus those who unsubscribed) and who may send it.
- `tokens.py`: the signed links for confirming and unsubscribing.
- `sending.py`: the batches and the guarantee that every recipient gets one mail.
- `views.py`: subscribe, confirm, unsubscribe (also RFC 8058 one-click), preferences, print;
  `admin_views.py`: the test mail to oneself, sending with a confirmation, the progress.
"""
