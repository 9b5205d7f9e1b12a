import FuzzSupport

Fuzz.drive(Fuzz.long)
