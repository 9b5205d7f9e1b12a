import FuzzSupport

Fuzz.drive(Fuzz.wdi)
