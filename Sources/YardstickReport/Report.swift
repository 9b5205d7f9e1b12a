import Yardstick
