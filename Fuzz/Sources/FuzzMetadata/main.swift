import FuzzSupport

Fuzz.drive(Fuzz.metadata)
