"""The database: choosing and opening it, its password, grants, backup, starting before it
answers, hearing changes and living through a lost connection.
"""
