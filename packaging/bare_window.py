"""A bare PySide6 window, frozen with the app's spec so the build can report the app's size
next to the least any PySide6 app costs."""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Bare window")
window.show()
sys.exit(app.exec())
