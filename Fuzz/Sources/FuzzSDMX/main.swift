import FuzzSupport

Fuzz.drive(Fuzz.sdmx)
