"""Signals of the help board, for the parts of the app that react to it.

`post_opened` is sent after the transaction commits, whenever a HelpOffer or HelpRequest
comes onto the board: posted without moderation, approved by a gangmaker, restored after
hiding, or renewed after expiring. Arguments: `sender` (HelpOffer or HelpRequest),
`post_id` (the HelpPost id, which is also the offer's or request's id), `street_id`.
Receivers should enqueue background work with those ids rather than do it in the request.
"""

from django.dispatch import Signal

post_opened = Signal()
