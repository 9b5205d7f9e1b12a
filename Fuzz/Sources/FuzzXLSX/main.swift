import FuzzSupport

Fuzz.drive(Fuzz.xlsx)
