"""Signals of the street's membership, for the apps above streets that react to it.

`membership_approved` is sent inside the approving transaction, once per approval (a second
approval of the same application is refused before it is sent). Arguments: `sender`
(StreetMembership) and `membership`. A receiver's writes commit or roll back with the approval.
"""

from django.dispatch import Signal

membership_approved = Signal()
