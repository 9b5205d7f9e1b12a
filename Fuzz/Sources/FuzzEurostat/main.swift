import FuzzSupport

Fuzz.drive(Fuzz.eurostat)
