"""Guidance appointments on the platform: seats, states, the check-in window, reminders.

The routes (central/routes/appointments.py) only parse and answer; the rules live here
so each can be read, and tested, on its own.
"""
