"""Communities by condition: membership, moderators and their content-tree roots."""
