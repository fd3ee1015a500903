"""A bare PySide6 window, frozen with the app's spec so the build can report the app's size
next to the least any PySide6 app costs. ``bare_window.py WIDTHxHEIGHT`` opens it at that
size (the benchmarks compare the app's memory with an empty window as large as the app's)."""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Bare window")
if len(sys.argv) > 1:
    width, height = (int(number) for number in sys.argv[1].split("x"))
    window.resize(width, height)
window.show()
sys.exit(app.exec())
