import FuzzSupport

Fuzz.drive(Fuzz.text)
