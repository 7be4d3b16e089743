"""Business rules of neighbour help. The board (posting, moderation, expiry) is in board.py."""
