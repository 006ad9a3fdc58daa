"""Entities: names of people, places and organisations found in the text, and their coding."""
