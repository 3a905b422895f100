"""The camera: capture worker, QR check-in, guided face photo, simulator (OpenCV)."""
