"""Spare keys and emergency contacts (the street's safety net): the most sensitive data in
the product, health-adjacent and about third parties (AVG).

Only with the person's recorded consent (given online, or in person and noted by a
gangmaker for a neighbour who is not online). Visible only to the person, the street's
gangmakers and whoever holds a spare key of the home; every read by someone else is logged
and the log is shown to the person. Never in exports, search or the admin: only in the
person's own data download (streets/personal_data.py). Withdrawing consent, leaving the
street or erasing the account deletes the net with its keys, contacts and read log.

A feature package of streets, like streets/events: its models are imported by
streets/models/__init__.py and its URLs included by streets/urls.py.
"""
