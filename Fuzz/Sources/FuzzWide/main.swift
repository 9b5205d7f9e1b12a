import FuzzSupport

Fuzz.drive(Fuzz.wide)
